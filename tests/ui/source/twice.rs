use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum SyncError {
    #[api(status = 502)]
    Upstream {
        #[api(source)]
        connect: std::io::Error,
        #[api(source)]
        read: std::io::Error,
    },
}

fn main() {}
