use errcat::ApiError;

#[derive(Debug, ApiError)]
enum UsersError {
    #[api(status = 409, code = "EmailAlreadyExists")]
    EmailTaken,
    #[api(status = 404)]
    UserNotFound,
}

errcat::responses!(pub LookupErrors = UsersError[UserNotFound, EmailAlreadyExists, "UserNotFound"]);

fn main() {}
