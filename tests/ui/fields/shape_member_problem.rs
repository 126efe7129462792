use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 409)]
enum UserError {
    EmailTaken {
        #[api(expose)]
        r#type: String,
    },
}

fn main() {}
