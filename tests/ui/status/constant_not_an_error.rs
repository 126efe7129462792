use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = StatusCode::OK)]
    EmailTaken,
    #[api(status = MOVED_PERMANENTLY)]
    Moved,
}

fn main() {}
