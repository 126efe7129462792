use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = CONFLIKT)]
    EmailTaken,
    #[api(status = StatusCode::not_found)]
    UserNotFound,
    #[api(status = StatusCode::SOMETHING_WRONG)]
    Broken,
}

fn main() {}
