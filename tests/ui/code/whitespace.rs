use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum UserError {
    #[api(code = "email taken")]
    EmailTaken,
    #[api(code = "UserNotFound\n")]
    UserNotFound,
    #[api(code = "Gone\u{7}")]
    Gone,
}

fn main() {}
