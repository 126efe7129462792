//! A transparent variant's source is the wrapped error's own.
use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(display)]
enum Inner {
    #[api(status = 502)]
    Upstream(#[api(source)] std::io::Error),
}

#[derive(Debug, ApiError)]
#[api(display)]
enum Outer {
    #[api(transparent)]
    Inner(#[api(source)] Inner),
}

fn main() {}
