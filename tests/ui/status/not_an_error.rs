use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 200)]
enum UserError {
    EmailTaken,
    #[api(status = 700)]
    UserNotFound,
    #[api(status = 99999)]
    Gone,
}

fn main() {}
