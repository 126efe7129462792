use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum UserError {
    #[api(code = "")]
    EmailTaken,
}

fn main() {}
