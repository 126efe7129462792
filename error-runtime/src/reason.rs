//! Reason phrases, including the fallback for statuses without a canonical one.

use http::StatusCode;

/// [`StatusCode::canonical_reason`], or "Client Error" (4xx) / "Server Error"
/// (5xx) for a status that has none.
///
/// ```
/// use http::StatusCode;
///
/// assert_eq!(errcat::reason_phrase(StatusCode::IM_A_TEAPOT), "I'm a teapot");
/// assert_eq!(errcat::reason_phrase(StatusCode::from_u16(499).unwrap()), "Client Error");
/// ```
#[must_use]
pub fn reason_phrase(status: StatusCode) -> &'static str {
    match status.canonical_reason() {
        Some(reason) => reason,
        None if status.is_client_error() => "Client Error",
        None if status.is_server_error() => "Server Error",
        None => "Error",
    }
}
