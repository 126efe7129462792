use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum UserError {
    #[api(code, message = "This email is already in use.")]
    EmailTaken,
}

fn main() {}
