//! What each standard error status means, written for the users of an API.

use http::StatusCode;

/// A description of `status` for the users of an API: what the status means
/// (RFC 9110, and RFC 6585, 4918, 8470, 7725, 2295, 2774 and 2324 for the
/// statuses they add), told from the client's side. `None` for a status
/// without a standard meaning.
///
/// The status table of [`Docs`](super::Docs) uses these descriptions unless
/// [`Docs::status_description`](super::Docs::status_description) gives its own.
///
/// ```
/// use errcat::docs::status_description;
/// use errcat::http::StatusCode;
///
/// assert_eq!(
///     status_description(StatusCode::NOT_FOUND),
///     Some("The requested resource does not exist, or is not visible to you."),
/// );
/// assert_eq!(status_description(StatusCode::from_u16(499).unwrap()), None);
/// ```
#[must_use]
pub fn status_description(status: StatusCode) -> Option<&'static str> {
    let description = match status.as_u16() {
        400 => "The request is malformed or invalid; fix it before sending it again.",
        401 => "The request lacks valid credentials; authenticate and try again.",
        402 => "Payment is required before the request can be served.",
        403 => "The credentials are valid but do not allow this request.",
        404 => "The requested resource does not exist, or is not visible to you.",
        405 => "The resource does not support this HTTP method.",
        406 => "No representation of the resource matches the request's Accept headers.",
        407 => "The request must first authenticate with the proxy.",
        408 => "The request took too long to arrive; it may be sent again.",
        409 => "The request conflicts with the current state of the resource.",
        410 => "The resource existed once but is gone for good.",
        411 => "The request needs a Content-Length header.",
        412 => "A precondition of the request's headers (If-Match, …) does not hold.",
        413 => "The request's content is larger than the server accepts.",
        414 => "The request's URI is longer than the server accepts.",
        415 => "The request's content is in a media type the resource does not accept.",
        416 => "The requested range lies outside the resource.",
        417 => "The server cannot meet the request's Expect header.",
        418 => "The server is a teapot and refuses to brew coffee.",
        421 => "The request reached a server that cannot answer for this URI.",
        422 => "The request is well-formed but its content is invalid.",
        423 => "The resource is locked.",
        424 => "The request depends on another request, which failed.",
        425 => "The server will not process a request that might be replayed.",
        426 => "The request must be sent again over another protocol.",
        428 => "The request must be conditional (If-Match, …) to avoid lost updates.",
        429 => "Too many requests in too short a time; wait before sending more.",
        431 => "The request's headers are larger than the server accepts.",
        451 => "The resource is withheld for legal reasons.",
        500 => "The server failed unexpectedly; the request may succeed later.",
        501 => "The server does not support what the request asks for.",
        502 => "A server upstream sent an invalid response.",
        503 => {
            "The server cannot handle the request now (overload or maintenance); try again later."
        }
        504 => "A server upstream did not answer in time.",
        505 => "The server does not support the request's HTTP version.",
        506 => "The server is misconfigured: content negotiation loops on itself.",
        507 => "The server lacks the storage the request needs.",
        508 => "The server met an infinite loop while handling the request.",
        510 => "The request needs an extension the server does not have.",
        511 => "The network requires authentication before access.",
        _ => return None,
    };
    Some(description)
}

/// The description of a status without a standard one.
pub(super) fn fallback(status: StatusCode) -> &'static str {
    if status.is_server_error() {
        "The server failed; see the errors with this status."
    } else {
        "The request was refused; see the errors with this status."
    }
}
