//! Fields that lack the trait their use needs: the error points at the field.
use errcat::ApiError;

struct Opaque;

#[derive(Debug)]
struct Shown;

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("shown")
    }
}

#[derive(ApiError)]
enum OrderError {
    #[api(status = 400, message = "bad {reason}")]
    Invalid {
        reason: Opaque,
        #[api(expose)]
        order: Shown,
        #[api(header = "X-Order")]
        header: Opaque,
    },
    #[api(transparent)]
    Wrapped(Shown),
}

fn main() {}
