//! Reason phrases, including the fallback for statuses without a canonical one.

use http::StatusCode;

use crate::shared::reason::fallback_reason;

/// [`StatusCode::canonical_reason`], or "Client Error" (4xx) / "Server Error"
/// (5xx) for a status that has none.
///
/// ```
/// use errcat::http::StatusCode;
///
/// assert_eq!(errcat::reason_phrase(StatusCode::IM_A_TEAPOT), "I'm a teapot");
/// assert_eq!(errcat::reason_phrase(StatusCode::from_u16(499).unwrap()), "Client Error");
/// ```
#[must_use]
pub fn reason_phrase(status: StatusCode) -> &'static str {
    status
        .canonical_reason()
        .unwrap_or_else(|| fallback_reason(status.as_u16()))
}

#[cfg(test)]
mod tests {
    use http::StatusCode;

    /// What lets a row hold its reason phrase, looked up in a `const fn`.
    #[test]
    fn the_table_of_rows_is_http_s() {
        for number in 400..=599 {
            let status = StatusCode::from_u16(number).unwrap();
            assert_eq!(
                crate::shared::reason::reason_phrase(number),
                super::reason_phrase(status),
                "{number}"
            );
        }
    }
}
