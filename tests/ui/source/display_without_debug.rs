//! `display` also implements `std::error::Error`, which needs `Debug`.
use errcat::ApiError;

#[derive(ApiError)]
#[api(status = 500, display)]
struct Internal;

fn main() {}
