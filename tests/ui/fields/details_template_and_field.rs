use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 422, format = "flat")]
enum OrderError {
    #[api(details = "Quantity must be at most {max}")]
    TooMany {
        max: u32,
        #[api(details)]
        reason: String,
    },
}

fn main() {}
