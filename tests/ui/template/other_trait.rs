use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
enum UserError {
    #[api(message = "Couldn't find user {id:x}")]
    NotFound { id: u64 },
    #[api(message = "Over limit by {amount:e}")]
    OverLimit { amount: f64 },
}

fn main() {}
