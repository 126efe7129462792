use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(locales = "tests/ui/locales/parse_error")]
enum UserError {
    #[api(status = 404)]
    NotFound,
    #[api(status = 409)]
    Conflict,
}

fn main() {}
