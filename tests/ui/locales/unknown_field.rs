use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(locales = "tests/ui/locales/unknown_field")]
enum UserError {
    #[api(status = 404, message = "No user {user_id}")]
    NotFound { user_id: u64 },
    #[api(status = 409)]
    Conflict { email: String },
}

fn main() {}
