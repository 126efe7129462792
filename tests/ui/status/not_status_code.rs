use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = http::Method::GET)]
    EmailTaken,
}

fn main() {}
