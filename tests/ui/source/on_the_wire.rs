//! A source is for logs: it never reaches the body, a header or a template.
use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum SyncError {
    #[api(status = 502)]
    Exposed {
        #[api(source, expose)]
        cause: std::io::Error,
    },
    #[api(status = 502)]
    Details {
        #[api(details, source)]
        cause: std::io::Error,
    },
    #[api(status = 502)]
    Header {
        #[api(source, header = "X-Cause")]
        cause: std::io::Error,
    },
    #[api(status = 502, message = "Upstream failed: {cause}")]
    Message {
        #[api(source)]
        cause: std::io::Error,
    },
    #[api(status = 502, details = "{1}")]
    Positional(u16, #[api(source)] std::io::Error),
}

fn main() {}
