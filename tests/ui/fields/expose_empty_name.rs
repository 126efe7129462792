use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404, format = "nested")]
enum UserError {
    NotFound {
        #[api(expose = "")]
        id: u64,
    },
}

fn main() {}
