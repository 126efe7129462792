use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum UserError {
    EmailTaken,
}

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum AppError {
    #[api(transparent, status = 409, code = "User", message = "User error")]
    User(UserError),
}

fn main() {}
