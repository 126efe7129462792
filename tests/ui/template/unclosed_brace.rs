use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
enum UserError {
    #[api(message = "Couldn't find user {id")]
    NotFound { id: u64 },
}

fn main() {}
