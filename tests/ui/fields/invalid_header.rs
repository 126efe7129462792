use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 429)]
enum RateError {
    TooMany {
        #[api(header = "Retry After")]
        seconds: u32,
    },
    Slow {
        #[api(header = "")]
        seconds: u32,
    },
    Banned {
        #[api(header = "Retry-Après")]
        seconds: u32,
    },
}

fn main() {}
