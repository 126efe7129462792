use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum UserError {
    EmailTaken,
}

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum AppError {
    #[api(transparent)]
    User {
        #[api(expose = "user", header = "X-User-Error")]
        source: UserError,
    },
}

fn main() {}
