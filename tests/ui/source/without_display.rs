use errcat::ApiError;

#[derive(Debug, ApiError)]
enum SyncError {
    #[api(status = 502)]
    Upstream(#[api(source)] std::io::Error),
}

fn main() {}
