//! The error catalog of a users API (seed 004's error list), in the `nested`
//! shape: `{"error":{"status":409,"message":"...","code":"EmailAlreadyExists"}}`.
//!
//! Prints the catalog as a markdown table, then each error's status, code and
//! message.

use std::fmt::Write as _;

use errcat::{ApiError, Catalog};

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

/// What `main` prints: the catalog table, a blank line, then one line per
/// sample error.
pub fn output() -> String {
    let mut out = format!("{}\n", UsersError::MARKDOWN);
    for error in [
        UsersError::EmailAlreadyExists,
        UsersError::GroupNotFound,
        UsersError::Internal,
    ] {
        writeln!(
            out,
            "{} {} {}",
            error.status().as_u16(),
            error.code(),
            error.message()
        )
        .unwrap();
    }
    out
}

fn main() {
    print!("{}", output());
}
