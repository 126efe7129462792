use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UserError {
    #[api(status = 409, deprecated = 3)]
    EmailTaken,
    #[api(status = 404, deprecated)]
    UserGone,
    #[api(status = 404, deprecated = "")]
    UserMissing,
    #[api(status = 400)]
    Invalid {
        #[api(deprecated = "use `field`")]
        name: String,
    },
    #[api(transparent, deprecated = "use `Invalid`")]
    Account(AccountError),
}

#[derive(Debug, ApiError)]
#[api(deprecated = "use `UserError`")]
enum AccountError {
    #[api(status = 400)]
    Invalid,
}

fn main() {}
