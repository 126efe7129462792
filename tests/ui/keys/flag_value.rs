use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 400, display = true)]
enum UserError {
    #[api(transparent = "yes")]
    Other(std::io::Error),
    UserNotFound {
        #[api(details(id))]
        id: u64,
    },
}

fn main() {}
