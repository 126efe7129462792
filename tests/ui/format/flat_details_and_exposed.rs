use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 422, format = "flat")]
enum OrderError {
    #[api(details = "Quantity must be at most {max}")]
    TooMany {
        #[api(expose)]
        max: u32,
    },
    Invalid {
        #[api(details)]
        reason: String,
        #[api(expose)]
        field: String,
    },
}

fn main() {}
