use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(code = "RateLimited", message = "Retry in {seconds} s")]
struct RateLimited {
    seconds: u32,
}

fn main() {}
