use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 422, format = "nested")]
enum OrderError {
    #[api(details = "Quantity must be at most {max}")]
    TooMany {
        max: u32,
        #[api(expose)]
        details: String,
    },
}

fn main() {}
