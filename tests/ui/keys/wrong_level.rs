use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, code = "UserError", details = "See the docs")]
enum UserError {
    #[api(rename_all = "snake_case")]
    EmailTaken,
    #[api(expose)]
    UserNotFound { id: u64 },
    Invalid {
        #[api(status = 422)]
        field: String,
    },
}

fn main() {}
