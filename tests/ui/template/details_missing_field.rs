use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 422, format = "flat")]
enum OrderError {
    #[api(message = "Invalid order", details = "Quantity must be at most {max}")]
    TooMany { limit: u32 },
}

fn main() {}
