use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 429)]
enum RateError {
    TooMany {
        #[api(header = "Retry-After", expose)]
        seconds: u32,
    },
}

fn main() {}
