use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum AppError {
    #[api(transparent)]
    Unknown,
}

fn main() {}
