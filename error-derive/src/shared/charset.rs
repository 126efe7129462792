//! The characters codes and OAuth 2.0 texts may hold.

/// RFC 3986 §2.3's unreserved characters, `A-Z a-z 0-9 - . _ ~`: a code made
/// of them can be used in a URI (a problem `type`, a documentation anchor)
/// as it is.
#[must_use]
pub const fn is_unreserved(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | '~')
}

/// RFC 6749 §5.2's `NQSCHAR`, `%x20-21 / %x23-5B / %x5D-7E`: printable ASCII
/// except `"` and `\`, the characters of `error` and `error_description`.
#[must_use]
pub const fn is_nqschar(c: char) -> bool {
    matches!(c, '\x20'..='\x21' | '\x23'..='\x5B' | '\x5D'..='\x7E')
}
