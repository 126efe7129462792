use errcat::ApiError;

const CODE: &str = "EmailAlreadyExists";

#[derive(Debug, ApiError)]
#[api(status = 400, format = 3)]
enum UserError {
    #[api(code = CODE)]
    EmailTaken,
    #[api(message = concat!("No user ", "{id}"))]
    UserNotFound { id: u64 },
    #[api(message = "Gone", details = "since " "yesterday")]
    Gone,
}

fn main() {}
