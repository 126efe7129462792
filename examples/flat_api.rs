//! The errors of the Allphins API in the `flat` format:
//! `{"message":M,"code":C,"details":D,"status_code":S}`.
//!
//! One variant per row of the API's status table, its message the row's
//! "Meaning". The three ways to fill `details` are all here:
//!
//! - a `details` template (`GroupNotFoundError`, the API documentation's own example);
//! - exposed fields, which become an object (`ObjectNotFound`);
//! - neither, and `details` is left out (every other variant).
//!
//! Fields can also become response headers (`Allow`, `Retry-After`).
//!
//! Prints the catalog as a markdown table, then the whole HTTP response of
//! each error, as `errcat::http_response` builds it.
//!
//! ```text
//! cargo run --example flat_api
//! ```

mod support;

use std::fmt::Write as _;

use errcat::{ApiError, Catalog};

use self::support::Wire;

/// Errors of the Allphins API.
///
/// Each variant's doc comment is its Description in the catalog, taken as
/// plain text: errcat escapes markdown punctuation in table cells.
#[derive(Debug, ApiError)]
#[api(format = "flat", rename_all = "snake_case")]
pub enum AllphinsError {
    /// The request is malformed: a parameter is missing or has the wrong
    /// type.
    #[api(status = 400, message = "Your request is invalid.")]
    InvalidRequest,
    /// The Authorization header is missing, or holds a revoked or unknown
    /// token.
    #[api(status = 401, message = "Your API token is wrong.")]
    InvalidApiToken,
    /// The token is valid but its group cannot see this object.
    #[api(status = 403, message = "You do not have access to this object.")]
    AccessDenied,
    /// No object of this kind has this id; details names both.
    #[api(status = 404, message = "The specified object could not be found.")]
    ObjectNotFound {
        #[api(expose)]
        object: &'static str,
        #[api(expose)]
        id: u64,
    },
    /// The path exists, but not for this method; the Allow header lists the
    /// methods that do.
    #[api(
        status = 405,
        message = "You tried to access an object with an invalid method."
    )]
    MethodNotAllowed {
        #[api(header = "Allow")]
        allow: &'static str,
    },
    /// The Accept header asks for something other than JSON.
    #[api(status = 406, message = "You requested a format that isn't json.")]
    NotAcceptable,
    /// We are unable to process the request: the group it refers to does not
    /// exist.
    #[api(status = 422, message = "Group not found", details = "Group not found")]
    GroupNotFoundError,
    /// Slow down; the Retry-After header says how many seconds to wait.
    #[api(status = 429, message = "You're requesting too many object.")]
    TooManyRequests {
        #[api(header = "Retry-After")]
        retry_after: u32,
    },
    /// Something failed on our side.
    #[api(
        status = 500,
        message = "We had a problem with our server. Try again later."
    )]
    InternalServerError,
    /// The API is down for maintenance.
    #[api(
        status = 503,
        message = "We're temporarily offline for maintenance. Please try again later."
    )]
    ServiceUnavailable,
}

/// One value of each variant, in declaration order.
pub fn samples() -> [AllphinsError; 10] {
    [
        AllphinsError::InvalidRequest,
        AllphinsError::InvalidApiToken,
        AllphinsError::AccessDenied,
        AllphinsError::ObjectNotFound {
            object: "portfolio",
            id: 4521,
        },
        AllphinsError::MethodNotAllowed {
            allow: "GET, PATCH",
        },
        AllphinsError::NotAcceptable,
        AllphinsError::GroupNotFoundError,
        AllphinsError::TooManyRequests { retry_after: 30 },
        AllphinsError::InternalServerError,
        AllphinsError::ServiceUnavailable,
    ]
}

/// What `main` prints: the catalog, then every sample's response.
pub fn output() -> String {
    let mut out = format!("## Errors\n\n{}\n## Responses\n", AllphinsError::MARKDOWN);
    for error in samples() {
        write!(out, "\n{}\n", Wire(&errcat::http_response(&error))).unwrap();
    }
    out
}

fn main() {
    print!("{}", output());
}
