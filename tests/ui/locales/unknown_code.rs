use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(locales = "tests/ui/locales/unknown_code")]
enum UserError {
    #[api(status = 404)]
    NotFound,
    #[api(status = 409)]
    Conflict,
}

fn main() {}
