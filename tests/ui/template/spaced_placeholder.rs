use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = 404, message = "No user { id }")]
    NotFound { id: u64 },
}

fn main() {}
