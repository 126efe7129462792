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
    match status.as_u16() {
        // An error status's phrase is the one its catalog rows hold.
        number @ 400..=599 => crate::shared::reason::reason_phrase(number),
        number => status
            .canonical_reason()
            .unwrap_or_else(|| fallback_reason(number)),
    }
}

#[cfg(test)]
mod tests {
    use http::StatusCode;

    /// The table the rows' reason phrases come from, a `const fn`, is
    /// `http`'s, with the class's fallback where `http` has none.
    #[test]
    fn the_table_of_rows_is_http_s() {
        for number in 400..=599 {
            let status = StatusCode::from_u16(number).unwrap();
            let expected = status.canonical_reason().unwrap_or(if number < 500 {
                "Client Error"
            } else {
                "Server Error"
            });
            assert_eq!(super::reason_phrase(status), expected, "{number}");
        }
    }
}
