//! RFC 6749 §5.2 error responses, whose `error` and `error_description` may
//! only hold printable ASCII without `"` and `\`.

use core::fmt::{self, Display, Write};

use http::header::{CACHE_CONTROL, HeaderValue, PRAGMA, WWW_AUTHENTICATE};
use http::{HeaderMap, StatusCode};
use serde_core::ser::{SerializeMap, Serializer};

use super::shapes::object;
use super::{Format, Text};
use crate::ApiError;

/// `{"error":C,"error_description":M,X...}` (RFC 6749 §5.2), with
/// `Cache-Control: no-store` and `Pragma: no-cache`.
///
/// Characters RFC 6749 does not allow in `error` and `error_description`
/// never reach the wire, whatever the fields hold: `"` becomes `'`, `\`
/// becomes `/`, line breaks and tabs become spaces, accented Latin letters
/// lose their accents, typographic quotes and dashes become ASCII ones, and
/// anything else becomes `?`; the text after it is kept. A 401 response's
/// `WWW-Authenticate` challenge gains RFC 6750's `error` and
/// `error_description` attributes.
#[derive(Debug, Clone, Copy, Default)]
pub struct OAuth2;

impl Format for OAuth2 {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        object(serializer, error, &["error", "error_description"], |map| {
            map.serialize_entry("error", &Text(Rfc6749(error.code())))?;
            map.serialize_entry("error_description", &Text(Rfc6749(error.message())))
        })
    }

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
        // RFC 6750 §3: attributes follow the scheme after a space, and each
        // other after a comma.
        let separator = if challenge.trim().contains(' ') {
            ", "
        } else {
            " "
        };
        let mut value = String::with_capacity(challenge.len() + 64);
        value.push_str(challenge);
        value.push_str(separator);
        value.push_str("error=\"");
        push_rfc6749(&mut value, &error.code());
        value.push_str("\", error_description=\"");
        push_rfc6749(&mut value, &error.message());
        value.push('"');
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(WWW_AUTHENTICATE, value);
        }
    }
}

/// Appends `text` to `out` with the characters RFC 6749 does not allow
/// replaced. A `Display` that fails on its own ends the text where it failed,
/// as in the body, instead of making the header fail.
fn push_rfc6749(out: &mut String, text: &dyn Display) {
    // Writing into a `String` never fails, so an error is `text`'s own; what
    // it wrote until then is kept.
    let _ = fmt::write(out, format_args!("{}", Rfc6749(text)));
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
        let mut rest = text;
        while let Some(position) = rest.find(|c: char| !is_nqschar(c)) {
            self.0.write_str(&rest[..position])?;
            let Some(c) = rest[position..].chars().next() else {
                break;
            };
            self.0.write_str(replacement(c))?;
            rest = &rest[position + c.len_utf8()..];
        }
        self.0.write_str(rest)
    }
}

/// RFC 6749 §5.2: `%x20-21 / %x23-5B / %x5D-7E`.
pub(crate) fn is_nqschar(c: char) -> bool {
    matches!(c, '\x20'..='\x21' | '\x23'..='\x5B' | '\x5D'..='\x7E')
}

/// Latin-1 letters U+00C0–U+00FF without their accents.
const LATIN1_LETTERS: [&str; 64] = [
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", //
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss", //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", //
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
];

fn replacement(c: char) -> &'static str {
    match c {
        '"' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201C}' | '\u{201D}' | '\u{201E}' => "'",
        '\\' => "/",
        '\t' | '\n' | '\r' | '\u{A0}' => " ",
        '\u{2010}'..='\u{2015}' => "-",
        '\u{2026}' => "...",
        '\u{C0}'..='\u{FF}' => LATIN1_LETTERS[c as usize - 0xC0],
        _ => "?",
    }
}
