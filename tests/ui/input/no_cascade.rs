use errcat::{ApiError, Catalog};

#[derive(Debug, ApiError)]
#[api(status = 400, display)]
enum UserError {
    #[api(code = "EmailAlreadyExists", message = "Email {email} is taken")]
    EmailTaken { address: String },
    #[api(status = CONFLIKT)]
    UserNotFound,
}

fn report(error: &dyn errcat::ApiError) -> String {
    format!("{} {}: {}", error.status(), error.code(), error.message())
}

fn main() {
    let error = UserError::UserNotFound;
    println!("{} / {}", report(&error), error);
    println!("{}", <UserError as errcat::Catalog>::ENTRIES.len());
    println!("{}", UserError::MARKDOWN);
}
