use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = 404, message = "")]
    NotFound,
    #[api(status = 400, details = "")]
    Invalid,
}

fn main() {}
