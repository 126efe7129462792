//! The error catalog: the users API's nineteen errors in the `nested`
//! format, the errors a server adds for requests it cannot route, and the
//! catalog error of each failure a framework produces on its own.

use errcat::{ApiError, FromRejection, Rejection, RejectionKind};

/// Errors of the users API.
#[derive(Debug, ApiError)]
#[api(format = "nested", locales = "locales")]
pub enum UsersError {
    /// Something failed on our side; retrying later may help.
    #[api(
        status = 500,
        code = "InternalError",
        message = "The server encountered an internal error."
    )]
    Internal,
    #[api(
        status = 400,
        code = "InvalidRequestDomain",
        message = "Request is invalid"
    )]
    InvalidRequestDomain,
    /// The api token names a group that was deleted.
    #[api(
        status = 403,
        code = "GroupNotFound",
        message = "The group of the given api token does not exist."
    )]
    GroupNotFound,
    #[api(
        status = 403,
        code = "ApiIsDisabled",
        message = "Api usage for this group is disabled."
    )]
    ApiIsDisabled,
    #[api(
        status = 400,
        code = "InvalidApiToken",
        message = "Api token is invalid."
    )]
    InvalidApiToken,
    #[api(
        status = 401,
        code = "UnauthorizedRequest",
        message = "The request is unauthorized, an api token is required."
    )]
    UnauthorizedRequest,
    #[api(
        status = 400,
        code = "InvalidInput",
        message = "One of the request inputs is invalid."
    )]
    InvalidInput,
    #[api(
        status = 500,
        code = "FailedToCreateUser",
        message = "An error occurred, failed to create user."
    )]
    FailedToCreateUser,
    #[api(
        status = 500,
        code = "failedToCreateSession",
        message = "An error occurred, failed to create user session. User may not be logged in."
    )]
    FailedToCreateSession,
    #[api(
        status = 409,
        code = "UsernameAlreadyExists",
        message = "This username is already in use, please try another one."
    )]
    UsernameAlreadyExists,
    /// Each email belongs to one account.
    #[api(
        status = 409,
        code = "EmailAlreadyExists",
        message = "This email is already in use, please try another one."
    )]
    EmailAlreadyExists,
    #[api(
        status = 400,
        code = "InvalidEmailDomain",
        message = "This email domain is not in allowed domains for this group."
    )]
    InvalidEmailDomain,
    #[api(
        status = 400,
        code = "InvalidUsername",
        message = "Given username is invalid."
    )]
    InvalidUsername,
    #[api(
        status = 400,
        code = "NotGroupMember",
        message = "User is not a member of the api token group."
    )]
    NotGroupMember,
    #[api(
        status = 400,
        code = "SSOTokenFailedToParse",
        message = "The sso token in request could not be parsed."
    )]
    SsoTokenFailedToParse,
    #[api(
        status = 400,
        code = "InvalidSSOTokenPayload",
        message = "One of the required fields in payload is invalid"
    )]
    InvalidSsoTokenPayload,
    #[api(
        status = 400,
        code = "MissingRequiredQueryParameter",
        message = "A required query parameter was not specified for this request."
    )]
    MissingRequiredQueryParameter,
    #[api(
        status = 400,
        code = "OutOfRangeUsername",
        message = "Given username is out of range."
    )]
    OutOfRangeUsername,
    #[api(
        status = 400,
        code = "OutOfRangeSuggestedUsername",
        message = "Given suggested username is out of range."
    )]
    OutOfRangeSuggestedUsername,
}

/// Everything the server answers with: the users API's catalog, and the
/// errors of HTTP itself, which that catalog does not list. A 401 carries
/// the `Bearer` challenge; the errors of its own are translated in
/// `locales/server/`.
#[derive(Debug, ApiError)]
#[api(
    format = "nested",
    challenge = "Bearer realm=\"users\"",
    locales = "locales/server"
)]
pub enum ServiceError {
    /// An error of the users API's catalog.
    #[api(transparent)]
    Users(UsersError),
    /// No user has this username.
    #[api(
        status = 404,
        code = "UserNotFound",
        message = "There is no user named {username}."
    )]
    UserNotFound { username: String },
    /// No route has this path.
    #[api(
        status = 404,
        code = "RouteNotFound",
        message = "There is nothing at this address."
    )]
    RouteNotFound,
    /// The path has routes, for other methods.
    #[api(
        status = 405,
        code = "MethodNotAllowed",
        message = "This method is not allowed at this address."
    )]
    MethodNotAllowed,
    /// Request bodies are limited to 16 KiB.
    #[api(
        status = 413,
        code = "PayloadTooLarge",
        message = "The request body is larger than 16 KiB."
    )]
    PayloadTooLarge,
}

impl From<UsersError> for ServiceError {
    fn from(error: UsersError) -> Self {
        ServiceError::Users(error)
    }
}

/// The catalog error of each failure a framework makes on its own, chosen
/// once for the whole server. The framework's text stays private: a body
/// that is not JSON, lacks a field or has the wrong content type is
/// `InvalidInput`, as a bad body sent to a handler is.
impl FromRejection for ServiceError {
    fn from_rejection(rejection: &Rejection) -> Self {
        match rejection.kind() {
            RejectionKind::InvalidQuery => UsersError::MissingRequiredQueryParameter.into(),
            RejectionKind::PayloadTooLarge => ServiceError::PayloadTooLarge,
            RejectionKind::NotFound => ServiceError::RouteNotFound,
            RejectionKind::MethodNotAllowed => ServiceError::MethodNotAllowed,
            _ if rejection.status().is_server_error() => UsersError::Internal.into(),
            _ => UsersError::InvalidInput.into(),
        }
    }
}

errcat::responses!(
    /// The errors of `POST /users`.
    pub CreateUserErrors = ServiceError[
        UnauthorizedRequest,
        InvalidApiToken,
        InvalidInput,
        OutOfRangeUsername,
        InvalidUsername,
        InvalidEmailDomain,
        EmailAlreadyExists,
        UsernameAlreadyExists,
        PayloadTooLarge,
    ]
);

errcat::responses!(
    /// The errors of `GET /users`.
    pub FindUserErrors = ServiceError[
        UnauthorizedRequest,
        InvalidApiToken,
        MissingRequiredQueryParameter,
        UserNotFound,
    ]
);

errcat::responses!(
    /// The errors of `POST /sso`.
    pub SsoErrors = ServiceError[
        UnauthorizedRequest,
        InvalidApiToken,
        InvalidInput,
        SSOTokenFailedToParse,
        InvalidSSOTokenPayload,
        PayloadTooLarge,
    ]
);
