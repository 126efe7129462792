use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum UserError {
    #[api(message = "This email is already in use.")]
    #[api(message = "Email taken.")]
    EmailTaken,
}

fn main() {}
