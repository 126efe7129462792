//! An API with an OAuth 2 authorization server: two error types,
//! two formats.
//!
//! - The resource API answers in the `described` format,
//!   `{"message":"Not Found","description":"..."}`: `message` is the status's
//!   reason phrase and `description` the error's own message. The code is not
//!   on the wire; it names the error in the catalog.
//! - The OAuth 2 endpoints answer in the `oauth2` format of RFC 6749 §5.2,
//!   `{"error":"invalid_grant","error_description":"..."}`, with
//!   `Cache-Control: no-store` and `Pragma: no-cache`. Characters RFC 6749
//!   does not allow in these members are replaced (a `"` becomes `'`).
//!
//! Both types declare a `challenge`, so a 401 carries `WWW-Authenticate`; in
//! the `oauth2` format the challenge also gains the `error` and
//! `error_description` attributes of RFC 6750 §3.
//!
//! Prints each type's catalog, then the whole HTTP response of each error.
//!
//! ```text
//! cargo run --example oauth_server
//! ```

mod support;

use std::fmt::Write as _;

use errcat::{ApiError, Catalog};

use self::support::Wire;

/// Errors of the resource API, one per row of the API's "HTTP Error Codes"
/// that is an error.
#[derive(Debug, ApiError)]
#[api(
    format = "described",
    rename_all = "snake_case",
    challenge = "Bearer realm=\"api\""
)]
pub enum ResourceError {
    #[api(
        status = 400,
        message = "The request was malformed or missing required parameters"
    )]
    BadRequest,
    /// Send an access token in the Authorization header.
    #[api(
        status = 401,
        message = "The request was missing a valid API key or access token"
    )]
    Unauthorized,
    #[api(
        status = 403,
        message = "The request was valid but the server is refusing action"
    )]
    Forbidden,
    #[api(status = 404, message = "The requested resource was not found")]
    NotFound,
    #[api(
        status = 405,
        message = "The request method is not allowed for the endpoint"
    )]
    MethodNotAllowed,
    #[api(
        status = 415,
        message = "The request was made with an unsupported media type"
    )]
    UnsupportedMediaType,
    #[api(status = 429, message = "The request was rate limited")]
    TooManyRequests,
    /// If you encounter these please report them!
    #[api(
        status = 500,
        message = "The server encountered an error while processing the request"
    )]
    InternalServerError,
    #[api(
        status = 502,
        message = "The server was acting as a gateway or proxy and received an invalid response from the upstream server"
    )]
    BadGateway,
    #[api(
        status = 503,
        message = "The server is currently unavailable (overloaded or down)"
    )]
    ServiceUnavailable,
    #[api(
        status = 504,
        message = "The server was acting as a gateway or proxy and did not receive a timely response from the upstream server"
    )]
    GatewayTimeout,
}

/// Errors of the OAuth 2 endpoints: first those of the token endpoint (code
/// exchange), then those sent back when the user is redirected to the client.
#[derive(Debug, ApiError)]
#[api(
    format = "oauth2",
    rename_all = "snake_case",
    challenge = "Bearer realm=\"api\""
)]
pub enum OAuthError {
    /// Token endpoint and redirect: a parameter is missing, repeated or
    /// invalid.
    #[api(status = 400, message = "The request was malformed: {problem}")]
    InvalidRequest { problem: String },
    /// Token endpoint: client authentication failed.
    #[api(status = 401, message = "The client id or client secret is invalid")]
    InvalidClient,
    /// Token endpoint: the code was already used, has expired, or was issued
    /// to another client or redirect URI.
    #[api(
        status = 400,
        message = "The authorization code or refresh token is invalid, expired or revoked"
    )]
    InvalidGrant,
    /// Token endpoint.
    #[api(
        status = 400,
        message = "The grant type is not supported by the server"
    )]
    UnsupportedGrantType,
    /// Token endpoint and redirect.
    #[api(
        status = 400,
        message = "The scope requested is invalid or not supported by the server"
    )]
    InvalidScope,
    /// Token endpoint.
    #[api(
        status = 500,
        message = "The server encountered an error while processing the request"
    )]
    ServerError,
    /// Redirect.
    #[api(
        status = 400,
        message = "The response type is not supported by the server"
    )]
    UnsupportedResponseType,
    /// Redirect.
    #[api(
        status = 403,
        message = "Your application is not allowed to use this scope"
    )]
    ForbiddenScope,
    /// Redirect.
    #[api(
        status = 403,
        message = "The resource owner or authorization server denied the request"
    )]
    AccessDenied,
}

/// One value of each resource API error, in declaration order.
pub fn resource_samples() -> [ResourceError; 11] {
    [
        ResourceError::BadRequest,
        ResourceError::Unauthorized,
        ResourceError::Forbidden,
        ResourceError::NotFound,
        ResourceError::MethodNotAllowed,
        ResourceError::UnsupportedMediaType,
        ResourceError::TooManyRequests,
        ResourceError::InternalServerError,
        ResourceError::BadGateway,
        ResourceError::ServiceUnavailable,
        ResourceError::GatewayTimeout,
    ]
}

/// One value of each OAuth 2 error, in declaration order.
pub fn oauth_samples() -> [OAuthError; 9] {
    [
        OAuthError::InvalidRequest {
            problem: "missing parameter \"code\"".to_owned(),
        },
        OAuthError::InvalidClient,
        OAuthError::InvalidGrant,
        OAuthError::UnsupportedGrantType,
        OAuthError::InvalidScope,
        OAuthError::ServerError,
        OAuthError::UnsupportedResponseType,
        OAuthError::ForbiddenScope,
        OAuthError::AccessDenied,
    ]
}

/// Writes a section: the catalog of `E`, then the response of each error.
fn write_section<E: ApiError + Catalog>(
    out: &mut String,
    title: &str,
    errors: impl IntoIterator<Item = E>,
) {
    write!(out, "## {title}\n\n{}", E::MARKDOWN).unwrap();
    for error in errors {
        write!(out, "\n{}\n", Wire(&errcat::http_response(&error))).unwrap();
    }
}

/// What `main` prints: both sections, resource API first.
pub fn output() -> String {
    let mut out = String::new();
    write_section(&mut out, "Resource API", resource_samples());
    out.push('\n');
    write_section(&mut out, "OAuth 2", oauth_samples());
    out
}

fn main() {
    print!("{}", output());
}
