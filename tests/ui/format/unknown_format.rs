use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, format = "nestd")]
enum UserError {
    EmailTaken,
}

fn main() {}
