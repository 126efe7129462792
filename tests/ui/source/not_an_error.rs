use errcat::ApiError;

#[derive(Debug)]
struct Reason(&'static str);

#[derive(Debug, ApiError)]
#[api(display)]
enum SyncError {
    #[api(status = 502)]
    Upstream {
        #[api(source)]
        reason: Reason,
    },
    #[api(status = 502)]
    Maybe(#[api(source)] Option<String>),
}

fn main() {}
