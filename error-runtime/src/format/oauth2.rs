//! RFC 6749 §5.2 error responses, whose `error` and `error_description` may
//! only hold printable ASCII without `"` and `\`.

use core::fmt::{self, Display, Write};

use http::header::{CACHE_CONTROL, HeaderValue, PRAGMA, WWW_AUTHENTICATE};
use http::{HeaderMap, StatusCode};

use super::Format;
use crate::ApiError;
use crate::shared::charset::replace_outside_nqschar;
use crate::shared::formats::Builtin;

/// `{"error":C,"error_description":M,X...}` (RFC 6749 §5.2), with
/// `Cache-Control: no-store` and `Pragma: no-cache`.
///
/// Characters RFC 6749 does not allow in `error` and `error_description`
/// never reach the wire, whatever the fields hold: `"` becomes `'`, `\`
/// becomes `/`, line breaks and tabs become spaces, accented Latin letters
/// lose their accents, typographic quotes and dashes become ASCII ones, and
/// anything else becomes `?`; the text after it is kept.
///
/// A 401 response's `WWW-Authenticate` challenge (the last one, when the
/// header lists several) gains RFC 6750's `error` and `error_description`
/// attributes, each unless it already has one. A challenge with a token68,
/// which can take no attributes, or that is not well formed, is left as it
/// is. The header's `error_description` holds at most the first 1024 bytes
/// of the replaced message (`HEADER_DESCRIPTION_LIMIT`), so that a long
/// message does not make a long header; the body holds it whole. A message
/// whose `Display` fails ends, in both, where it failed.
#[derive(Debug, Clone, Copy, Default)]
pub struct OAuth2;

impl Format for OAuth2 {
    builtin_body!(OAuth2);

    fn headers(&self, error: &dyn ApiError, headers: &mut HeaderMap) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(PRAGMA, HeaderValue::from_static("no-cache"));
        if error.status() != StatusCode::UNAUTHORIZED {
            return;
        }
        let Some(challenge) = headers
            .get(WWW_AUTHENTICATE)
            .and_then(|value| value.to_str().ok())
        else {
            return;
        };
        // Attributes go at the end, so into the last challenge; one that
        // cannot take them, or cannot be read, is left as it is. RFC 6750 §3:
        // attributes follow the scheme after a space, and each other after a
        // comma.
        let (mut separator, has_error, has_description) = match last_challenge(challenge) {
            Some(LastChallenge::Bare) => (" ", false, false),
            Some(LastChallenge::Params {
                error,
                error_description,
            }) => (", ", error, error_description),
            Some(LastChallenge::Token68) | None => return,
        };
        // RFC 9110 §11.6.1: each attribute appears once.
        if has_error && has_description {
            return;
        }
        let challenge = challenge.trim_end();
        let mut value = String::with_capacity(challenge.len() + 64);
        value.push_str(challenge);
        if !has_error {
            value.push_str(separator);
            value.push_str("error=\"");
            push_rfc6749(&mut value, &error.code(), usize::MAX);
            value.push('"');
            separator = ", ";
        }
        if !has_description {
            value.push_str(separator);
            value.push_str("error_description=\"");
            push_rfc6749(&mut value, &error.message(), HEADER_DESCRIPTION_LIMIT);
            value.push('"');
        }
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(WWW_AUTHENTICATE, value);
        }
    }
}

/// What the last challenge of a `WWW-Authenticate` value holds after its
/// scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LastChallenge {
    /// Nothing.
    Bare,
    /// A token68, which leaves no room for auth-params.
    Token68,
    /// Auth-params, among them an `error` one or not, an
    /// `error_description` one or not.
    Params {
        error: bool,
        error_description: bool,
    },
}

/// Reads a `WWW-Authenticate` value, a list of challenges (RFC 9110 §11.6.1:
/// `auth-scheme [ 1*SP ( token68 / #auth-param ) ]`), and tells what its last
/// challenge holds; `None` when it holds no challenge or is not well formed.
///
/// Auth-param names are compared without regard to case. Quoted values may
/// hold commas, `=` and `\"`. Whitespace and commas between list elements
/// are taken leniently.
fn last_challenge(value: &str) -> Option<LastChallenge> {
    let mut rest = value.as_bytes();
    let mut last: Option<LastChallenge> = None;
    loop {
        rest = skip_list_separators(rest);
        if rest.is_empty() {
            return last;
        }
        let (name, after_name) = split_token(rest)?;
        let after_space = skip_whitespace(after_name);
        if let Some(after_equals) = after_space.strip_prefix(b"=") {
            // `name = value`: an auth-param of the current challenge.
            let (error, error_description) = match last? {
                LastChallenge::Bare => (false, false),
                LastChallenge::Params {
                    error,
                    error_description,
                } => (error, error_description),
                LastChallenge::Token68 => return None,
            };
            rest = skip_param_value(skip_whitespace(after_equals))?;
            last = Some(LastChallenge::Params {
                error: error || name.eq_ignore_ascii_case(b"error"),
                error_description: error_description
                    || name.eq_ignore_ascii_case(b"error_description"),
            });
        } else {
            // `name` is the scheme of a new challenge, maybe with a token68.
            if let Some(after_token68) = skip_token68(after_name) {
                last = Some(LastChallenge::Token68);
                rest = after_token68;
            } else {
                last = Some(LastChallenge::Bare);
                rest = after_name;
            }
        }
        // An element ends at a comma or at the end; or the next auth-param
        // follows, after the scheme or (leniently) after another one
        // without a comma.
        match skip_whitespace(rest).first() {
            None | Some(b',') => {}
            Some(&c) if is_tchar(c) => {}
            Some(_) => return None,
        }
    }
}

/// RFC 9110 §5.6.2 `tchar`.
fn is_tchar(c: u8) -> bool {
    c.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&c)
}

/// `text` after its leading spaces and tabs.
fn skip_whitespace(text: &[u8]) -> &[u8] {
    let start = text
        .iter()
        .position(|&c| c != b' ' && c != b'\t')
        .unwrap_or(text.len());
    &text[start..]
}

/// `text` after its leading spaces, tabs and commas (empty list elements).
fn skip_list_separators(text: &[u8]) -> &[u8] {
    let start = text
        .iter()
        .position(|&c| !matches!(c, b' ' | b'\t' | b','))
        .unwrap_or(text.len());
    &text[start..]
}

/// The leading token of `text` and what follows it; `None` when `text` does
/// not start with one.
fn split_token(text: &[u8]) -> Option<(&[u8], &[u8])> {
    let end = text
        .iter()
        .position(|&c| !is_tchar(c))
        .unwrap_or(text.len());
    (end > 0).then(|| text.split_at(end))
}

/// What follows an auth-param value (a token or a quoted-string) at the start
/// of `text`; `None` when there is none.
fn skip_param_value(text: &[u8]) -> Option<&[u8]> {
    let Some(mut rest) = text.strip_prefix(b"\"") else {
        return split_token(text).map(|(_, rest)| rest);
    };
    loop {
        match rest {
            [b'"', after @ ..] => return Some(after),
            // A quoted-pair.
            [b'\\', _, after @ ..] | [_, after @ ..] => rest = after,
            [] => return None,
        }
    }
}

/// What follows the token68 after a scheme, at the start of `text`
/// (`1*SP token68`, then the end of the element); `None` when there is none.
fn skip_token68(text: &[u8]) -> Option<&[u8]> {
    let after_space = skip_whitespace(text);
    if after_space.len() == text.len() {
        return None;
    }
    let end = after_space
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || b"-._~+/".contains(&c)))
        .unwrap_or(after_space.len());
    if end == 0 {
        return None;
    }
    let padding = after_space[end..]
        .iter()
        .position(|&c| c != b'=')
        .unwrap_or(after_space.len() - end);
    let rest = &after_space[end + padding..];
    matches!(skip_whitespace(rest).first(), None | Some(b',')).then_some(rest)
}

/// The most bytes of `error_description` a `WWW-Authenticate` challenge
/// carries: a long message would make a long header, which servers and
/// proxies may refuse. The body carries the whole message.
const HEADER_DESCRIPTION_LIMIT: usize = 1024;

/// Appends at most `limit` bytes of `text` to `out`, with the characters RFC
/// 6749 does not allow replaced. A `Display` that fails on its own ends the
/// text where it failed, as in the body, instead of making the header fail.
///
/// Past the limit, `text` is told to stop: however long it is, no more than
/// a few times `limit` bytes of it are looked at.
fn push_rfc6749(out: &mut String, text: &dyn Display, limit: usize) {
    let mut capped = Capped { out, room: limit };
    // Writing into a `String` never fails, so an error is `text`'s own or
    // the limit; what was written until then is kept.
    let _ = fmt::write(&mut capped, format_args!("{text}"));
}

/// Replaces the characters RFC 6749 does not allow and appends the result
/// to a `String`, until `room` more bytes are written; then refuses.
struct Capped<'a> {
    out: &'a mut String,
    room: usize,
}

impl Write for Capped<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while !rest.is_empty() {
            if self.room == 0 {
                return Err(fmt::Error);
            }
            // Replacing never lengthens text, so no more than `room` bytes
            // of it are needed; a single character wider than that may still
            // fit once replaced.
            let mut end = self.room.min(rest.len());
            while !rest.is_char_boundary(end) {
                end -= 1;
            }
            if end == 0 {
                end = rest.chars().next().map_or(rest.len(), char::len_utf8);
            }
            let (piece, after) = rest.split_at(end);
            rest = after;
            let start = self.out.len();
            // Into a `String`: cannot fail.
            let _ = write!(self.out, "{}", Rfc6749(piece));
            let written = self.out.len() - start;
            if written > self.room {
                // Cut what went over, on a character boundary.
                let mut keep = start + self.room;
                while !self.out.is_char_boundary(keep) {
                    keep -= 1;
                }
                self.out.truncate(keep);
                self.room = 0;
            } else {
                self.room -= written;
            }
        }
        Ok(())
    }
}

/// Displays text with every character outside RFC 6749's `NQSCHAR` set
/// replaced.
pub(crate) struct Rfc6749<T>(pub T);

impl<T: Display> Display for Rfc6749<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(Replacing(f), "{}", self.0)
    }
}

struct Replacing<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl Write for Replacing<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        replace_outside_nqschar(text, |piece| self.0.write_str(piece))
    }
}

#[cfg(test)]
mod tests {
    use super::{LastChallenge, last_challenge};

    const NONE: LastChallenge = LastChallenge::Bare;
    const TOKEN68: LastChallenge = LastChallenge::Token68;
    const PARAMS: LastChallenge = params(false, false);
    const ERROR: LastChallenge = params(true, false);
    const DESCRIPTION: LastChallenge = params(false, true);
    const BOTH: LastChallenge = params(true, true);

    const fn params(error: bool, error_description: bool) -> LastChallenge {
        LastChallenge::Params {
            error,
            error_description,
        }
    }

    fn check(cases: &[(&str, Option<LastChallenge>)]) {
        for &(value, expected) in cases {
            assert_eq!(last_challenge(value), expected, "{value}");
        }
    }

    #[test]
    fn scheme_alone_or_with_params() {
        check(&[
            ("Bearer", Some(NONE)),
            ("Bearer   ", Some(NONE)),
            ("Bearer realm=\"example\"", Some(PARAMS)),
            ("Bearer realm=example", Some(PARAMS)),
            ("Bearer realm=\"\"", Some(PARAMS)),
        ]);
    }

    #[test]
    fn names_are_case_insensitive_and_whole() {
        check(&[
            ("Bearer error=\"x\"", Some(ERROR)),
            ("Bearer ERROR=\"x\"", Some(ERROR)),
            ("Bearer Error_Description=x", Some(DESCRIPTION)),
            (
                "Bearer realm=r, error=e, error_description=\"d\"",
                Some(BOTH),
            ),
            (
                "Bearer errors=\"x\", my_error=\"y\", error_descriptions=z",
                Some(PARAMS),
            ),
            // Whitespace around `=`.
            ("Bearer error = x,error_description\t=\t\"d\"", Some(BOTH)),
        ]);
    }

    #[test]
    fn quoted_values_hide_commas_equals_and_escaped_quotes() {
        check(&[
            (
                "Bearer realm=\"a, error=\\\"x\\\"\", scope=\"s\"",
                Some(PARAMS),
            ),
            ("Bearer realm=\"error=x\"", Some(PARAMS)),
            ("Bearer realm=\", error_description=\"", Some(PARAMS)),
            // An escaped backslash ends before the closing quote.
            ("Bearer realm=\"a\\\\\", error=\"x\"", Some(ERROR)),
            (
                "Bearer realm=\"\\e\\r\\r\\o\\r\", error_description=\"\"",
                Some(DESCRIPTION),
            ),
        ]);
    }

    #[test]
    fn only_the_last_challenge_counts() {
        check(&[
            ("Basic error=\"x\", Bearer realm=\"y\"", Some(PARAMS)),
            ("Bearer error=\"x\", Basic", Some(NONE)),
            ("Basic realm=\"a, Bearer error=x\"", Some(PARAMS)),
            ("Basic realm=\"files\", Bearer error=x", Some(ERROR)),
            // Empty list elements.
            (", Basic realm=x, , Bearer ,error=y,", Some(ERROR)),
        ]);
    }

    #[test]
    fn token68_takes_no_params() {
        check(&[
            ("Basic dXNlcjpwYXNz", Some(TOKEN68)),
            ("Basic dXNlcjpwYXNz==", Some(TOKEN68)),
            ("Negotiate a/b+c.d~e-f_g=", Some(TOKEN68)),
            ("Basic dXNlcg==, Bearer", Some(NONE)),
            ("Bearer realm=", Some(TOKEN68)),
            ("Basic dXNlcg==, error=x", None),
        ]);
    }

    #[test]
    fn malformed_values() {
        check(&[
            ("", None),
            ("  , ,", None),
            ("realm=\"x\"", None),
            ("Bearer realm=\"unterminated", None),
            ("Bearer realm=\"escaped end\\\"", None),
            ("Bearer realm=\"x\"\"", None),
            ("Bearer realm=\"x\" \"y\"", None),
            ("Bearer error==x", None),
            ("Bearer error=, realm=x", None),
            ("Bearer \"quoted\"", None),
            ("Bearer realm=x;", None),
        ]);
    }
}
