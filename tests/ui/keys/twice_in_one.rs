use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = 409, code = "EmailTaken", status = 400)]
    EmailTaken,
}

fn main() {}
