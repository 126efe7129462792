//! The users API of seed 004, apart from any web framework: its error
//! catalog, the errors a server adds for requests it cannot route, and the
//! in-memory store behind the handlers. The actix-web example serves it.
//!
//! `UsersError` is the catalog of `examples/users_api.rs`, error for error;
//! `tests/test_actix.rs` checks it against `docs/errors.md`, that example's
//! page.

use std::collections::BTreeMap;
use std::sync::Mutex;

use errcat::{ApiError, FromRejection, Rejection, RejectionKind};
use serde::{Deserialize, Serialize};

/// Errors of the users API.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
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

/// What the server answers: the users API's errors, and those of requests
/// that reach no handler.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
pub enum ServiceError {
    #[api(transparent)]
    Users(UsersError),
    /// No route matches the path.
    #[api(
        status = 404,
        code = "NotFound",
        message = "The requested resource does not exist."
    )]
    NotFound,
    /// The path exists, but not with this method.
    #[api(
        status = 405,
        code = "MethodNotAllowed",
        message = "The request method is not supported by this resource."
    )]
    MethodNotAllowed,
    /// The body must be `application/json` (or a form, where the route says so).
    #[api(
        status = 415,
        code = "UnsupportedMediaType",
        message = "The request content type is not supported."
    )]
    UnsupportedMediaType,
    /// Bodies are limited to 2 MiB.
    #[api(
        status = 413,
        code = "PayloadTooLarge",
        message = "The request body is too large."
    )]
    PayloadTooLarge,
}

impl From<UsersError> for ServiceError {
    fn from(error: UsersError) -> Self {
        ServiceError::Users(error)
    }
}

/// The catalog error of each failure the framework produces: the framework's
/// own text never reaches the client.
impl FromRejection for ServiceError {
    fn from_rejection(rejection: &Rejection) -> Self {
        match rejection.kind() {
            RejectionKind::NotFound => ServiceError::NotFound,
            RejectionKind::MethodNotAllowed => ServiceError::MethodNotAllowed,
            RejectionKind::UnsupportedMediaType => ServiceError::UnsupportedMediaType,
            RejectionKind::PayloadTooLarge => ServiceError::PayloadTooLarge,
            _ if rejection.status().is_server_error() => UsersError::Internal.into(),
            _ => UsersError::InvalidInput.into(),
        }
    }
}

/// The api tokens the store knows: the first is active, the second belongs
/// to a group whose api usage is disabled.
pub const TOKENS: [&str; 2] = ["demo-token", "disabled-token"];

/// The email domains of the api token's group.
pub const ALLOWED_DOMAINS: [&str; 1] = ["example.com"];

/// The body of `POST /users`.
#[derive(Debug, Deserialize)]
pub struct NewUser {
    pub username: String,
    pub email: String,
}

/// A user, as the API shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct User {
    pub id: u64,
    pub username: String,
    pub email: String,
}

/// The users, in memory.
#[derive(Debug, Default)]
pub struct Store {
    users: Mutex<BTreeMap<u64, User>>,
}

impl Store {
    /// Checks the `Authorization` header: `Bearer` and a known, enabled token.
    pub fn authorize(authorization: Option<&[u8]>) -> Result<(), UsersError> {
        let Some(authorization) = authorization else {
            return Err(UsersError::UnauthorizedRequest);
        };
        match authorization.strip_prefix(b"Bearer ") {
            Some(token) if token == TOKENS[0].as_bytes() => Ok(()),
            Some(token) if token == TOKENS[1].as_bytes() => Err(UsersError::ApiIsDisabled),
            _ => Err(UsersError::InvalidApiToken),
        }
    }

    /// Creates a user, or says which rule `new` breaks.
    pub fn create(&self, new: NewUser) -> Result<User, UsersError> {
        check_username(&new.username, UsersError::OutOfRangeUsername)?;
        let Some((local, domain)) = new.email.split_once('@') else {
            return Err(UsersError::InvalidInput);
        };
        if local.is_empty() {
            return Err(UsersError::InvalidInput);
        }
        if !ALLOWED_DOMAINS.contains(&domain) {
            return Err(UsersError::InvalidEmailDomain);
        }
        let mut users = self
            .users
            .lock()
            .map_err(|_| UsersError::FailedToCreateUser)?;
        if users.values().any(|user| user.username == new.username) {
            return Err(UsersError::UsernameAlreadyExists);
        }
        if users.values().any(|user| user.email == new.email) {
            return Err(UsersError::EmailAlreadyExists);
        }
        let id = users.keys().next_back().map_or(1, |last| last + 1);
        let user = User {
            id,
            username: new.username,
            email: new.email,
        };
        users.insert(id, user.clone());
        Ok(user)
    }

    /// The user `id`, if there is one.
    pub fn get(&self, id: u64) -> Result<Option<User>, UsersError> {
        let users = self.users.lock().map_err(|_| UsersError::Internal)?;
        Ok(users.get(&id).cloned())
    }

    /// Free usernames built from `username`.
    pub fn suggestions(&self, username: Option<&str>) -> Result<Vec<String>, UsersError> {
        let username = username.ok_or(UsersError::MissingRequiredQueryParameter)?;
        check_username(username, UsersError::OutOfRangeSuggestedUsername)?;
        let users = self.users.lock().map_err(|_| UsersError::Internal)?;
        let taken = |name: &str| users.values().any(|user| user.username == name);
        Ok(["", "1", "_", ".dev"]
            .into_iter()
            .map(|suffix| format!("{username}{suffix}"))
            .filter(|name| name.len() <= 32 && !taken(name))
            .take(3)
            .collect())
    }
}

/// 3 to 32 ASCII letters, digits, `_` or `.`.
fn check_username(username: &str, out_of_range: UsersError) -> Result<(), UsersError> {
    if !(3..=32).contains(&username.len()) {
        return Err(out_of_range);
    }
    if !username
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'.')
    {
        return Err(UsersError::InvalidUsername);
    }
    Ok(())
}
