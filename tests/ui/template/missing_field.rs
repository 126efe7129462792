use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(status = 404)]
enum UserError {
    #[api(message = "Couldn't find {modle} with id {id}")]
    NotFound { model: String, user_id: u64 },
}

fn main() {}
