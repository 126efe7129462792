use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = 409, code = "EmailAlreadyExists")]
    EmailTaken,
    #[api(message = "No user {id}")]
    UserNotFound { id: u64 },
}

fn main() {}
