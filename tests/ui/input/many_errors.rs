use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(format = "nestd", rename_all = "snake_case")]
enum UserError {
    #[api(status = 700, code = "taken")]
    EmailTaken,
    #[api(status = 404, mesage = "No user")]
    UserNotFound {
        id: u64,
    },
    #[api(status = 409, code = "taken", message = "Email {email} is taken")]
    EmailInUse {
        address: String,
    },
    Unknown,
}

fn main() {}
