use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum UserError {
    #[api(code = "EmailAlreadyExists")]
    EmailTaken,
    #[api(code = "UserNotFound")]
    Missing,
    #[api(code = "EmailAlreadyExists")]
    EmailInUse,
    UserNotFound,
}

fn main() {}
