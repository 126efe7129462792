use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
enum UserError {
    #[api(message = "Couldn't find user {}")]
    NotFound(u64),
}

fn main() {}
