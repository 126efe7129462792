use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, rename_all = "snake_case")]
enum UserError {
    EmailTaken,
    #[api(code = "email_taken")]
    EmailInUse,
    UserNotFound,
}

#[derive(Debug, ApiError)]
#[api(status = 400, rename_all = "lowercase")]
enum AuthError {
    TokenExpired,
    Tokenexpired,
}

fn main() {}
