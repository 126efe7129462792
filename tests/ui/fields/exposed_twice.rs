use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 409, format = "typed")]
enum UserError {
    EmailTaken {
        #[api(expose)]
        email: String,
        #[api(expose = "email")]
        normalized: String,
    },
}

fn main() {}
