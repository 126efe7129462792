//! The reason phrase of an error status that has no canonical one.

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
