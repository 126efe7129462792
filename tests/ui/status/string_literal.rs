use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = "404")]
    UserNotFound,
}

fn main() {}
