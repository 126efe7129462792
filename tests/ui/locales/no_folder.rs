use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(locales = "tests/ui/locales/does_not_exist")]
enum UserError {
    #[api(status = 404)]
    NotFound,
}

fn main() {}
