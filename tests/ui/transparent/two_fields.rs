use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum UserError {
    EmailTaken,
}

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum AppError {
    #[api(transparent)]
    User(UserError, String),
}

fn main() {}
