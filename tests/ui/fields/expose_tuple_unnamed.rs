use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, format = "nested")]
enum UserError {
    NotFound(#[api(expose)] u64),
}

fn main() {}
