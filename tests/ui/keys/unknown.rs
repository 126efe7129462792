use errcat::ApiError;

#[derive(Debug, ApiError)]
#[api(stauts = 400)]
enum UserError {
    #[api(mesage = "This email is already in use.")]
    EmailTaken,
    #[api(colour = "red")]
    UserNotFound,
}

fn main() {}
