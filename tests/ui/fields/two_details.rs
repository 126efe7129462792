use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 422, format = "flat")]
enum OrderError {
    Invalid {
        #[api(details)]
        reason: String,
        #[api(details)]
        hint: String,
    },
}

fn main() {}
