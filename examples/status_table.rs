//! A status table in the style of a classic "API Error Codes Guide": the
//! statuses an API's catalog uses, each with its reason phrase and what it
//! means to the API's users.
//!
//! ```sh
//! cargo run --example status_table
//! ```

use errcat::ApiError;
use errcat::docs::{Docs, DocsError, Section};
use http::StatusCode;

/// The errors of an API that answers with a classic guide's statuses.
#[derive(Debug, ApiError)]
#[api(format = "typed", rename_all = "snake_case")]
pub enum ApiErrorCode {
    #[api(status = 400, message = "A required parameter is missing")]
    ParameterMissing,
    #[api(status = 401, message = "The access token is missing or expired")]
    Unauthenticated,
    #[api(status = 403, message = "You cannot access this project")]
    Forbidden,
    #[api(status = 404, message = "No project {id}")]
    ProjectNotFound { id: u64 },
    #[api(status = 405)]
    MethodNotAllowed,
    #[api(status = 406)]
    NotAcceptable,
    #[api(status = 409, message = "The project was changed by someone else")]
    EditConflict,
    #[api(status = 415, message = "Send JSON")]
    UnsupportedMediaType,
    #[api(status = 429, message = "Retry in {seconds} s")]
    RateLimited { seconds: u32 },
    #[api(status = 500)]
    Internal,
    #[api(status = 502)]
    BadGateway,
    #[api(status = 503)]
    Maintenance,
    #[api(status = 504)]
    UpstreamTimeout,
}

/// What `main` prints: a title, an intro and the status table, with one
/// description of the API's own.
///
/// # Panics
///
/// Never: the catalog defines each code once.
#[must_use]
pub fn output() -> String {
    page().expect("each code of the catalog is defined once")
}

/// The page; [`Docs::render`] fails only on codes defined twice.
fn page() -> Result<String, DocsError> {
    Docs::new()
        .title("API Error Codes Guide")
        .intro(
            "The statuses this API answers with when a request fails. Each error \
             response also carries a `type` naming the error and a `message` for people.",
        )
        .catalog::<ApiErrorCode>()
        .status_description(
            StatusCode::TOO_MANY_REQUESTS,
            "Over 100 requests in a minute; the message says when to retry.",
        )
        .sections([Section::StatusTable])
        .render()
}

fn main() {
    print!("{}", output());
}
