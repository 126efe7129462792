use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, rename_all = "snakecase")]
enum UserError {
    EmailTaken,
}

fn main() {}
