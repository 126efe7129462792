use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
enum UserError {
    #[api(message = "Couldn't find {0} with id {1}; check that {1} exists")]
    NotFound(String),
    #[api(message = "Resource {0} is gone")]
    Gone,
}

fn main() {}
