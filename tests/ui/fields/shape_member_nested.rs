use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 409, format = "nested")]
enum UserError {
    EmailTaken {
        #[api(expose)]
        code: u32,
        #[api(expose = "message")]
        text: String,
    },
}

fn main() {}
