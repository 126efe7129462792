//! The reason phrase of an error status: `http`'s canonical one (a test in
//! the suite holds this table to `http`'s), or the fallback of its class.

/// "Client Error" for a 4xx status, "Server Error" for a 5xx one, "Error"
/// for anything else: what errcat says where `http` knows no reason phrase.
#[must_use]
pub const fn fallback_reason(status: u16) -> &'static str {
    match status {
        400..=499 => "Client Error",
        500..=599 => "Server Error",
        _ => "Error",
    }
}

/// The reason phrase errcat reports for the error status `status`:
/// `http::StatusCode::canonical_reason`'s, else [`fallback_reason`]'s. A
/// `const fn`, so that each catalog row holds its reason phrase.
#[must_use]
pub const fn reason_phrase(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Payload Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        418 => "I'm a teapot",
        421 => "Misdirected Request",
        422 => "Unprocessable Entity",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => fallback_reason(status),
    }
}
