//! The characters codes and OAuth 2.0 texts may hold.

use super::swar::{at_least_0x7f, below, equal, first_marked};

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

/// Hands `out` `text` with each character outside [`is_nqschar`] replaced
/// (`"` becomes `'`, `\\` becomes `/`, line breaks and tabs become spaces,
/// accented Latin letters lose their accents, typographic quotes and dashes
/// become ASCII ones, anything else becomes `?`), piece by piece.
///
/// # Errors
///
/// The first error `out` returns, after which nothing more is handed over.
pub fn replace_outside_nqschar<E>(
    text: &str,
    mut out: impl FnMut(&str) -> Result<(), E>,
) -> Result<(), E> {
    let mut rest = text;
    while let Some(position) = first_outside_nqschar(rest.as_bytes()) {
        if position > 0 {
            out(&rest[..position])?;
        }
        let Some(c) = rest[position..].chars().next() else {
            break;
        };
        out(replacement(c))?;
        rest = &rest[position + c.len_utf8()..];
    }
    if rest.is_empty() { Ok(()) } else { out(rest) }
}

/// Whether every character of `text` is an [`is_nqschar`]: an RFC 6749
/// text as it is.
#[must_use]
#[allow(dead_code, reason = "read by the runtime, not by the derive")]
pub fn is_nqschar_text(text: &str) -> bool {
    first_outside_nqschar(text.as_bytes()).is_none()
}

/// The position of the first byte outside `NQSCHAR`. Every character outside
/// the set starts with a byte outside it (a non-ASCII one with its lead
/// byte), and every byte before it is ASCII, so the position is a character
/// boundary.
fn first_outside_nqschar(bytes: &[u8]) -> Option<usize> {
    // NQSCHAR is 0x20–0x7E but for `"` and `\`.
    first_marked(bytes, |word| {
        below(word, 0x20) | equal(word, b'"') | equal(word, b'\\') | at_least_0x7f(word)
    })
}

/// Latin-1 letters U+00C0–U+00FF without their accents.
const LATIN1_LETTERS: [&str; 64] = [
    "A", "A", "A", "A", "A", "A", "AE", "C", "E", "E", "E", "E", "I", "I", "I", "I", //
    "D", "N", "O", "O", "O", "O", "O", "x", "O", "U", "U", "U", "U", "Y", "Th", "ss", //
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i", //
    "d", "n", "o", "o", "o", "o", "o", "/", "o", "u", "u", "u", "u", "y", "th", "y",
];

/// What RFC 6749's texts hold instead of `c`, a character outside
/// `NQSCHAR`: the closest ASCII, else `?`.
const fn replacement(c: char) -> &'static str {
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

#[cfg(test)]
mod tests {
    use super::{first_outside_nqschar, is_nqschar};

    /// Every byte value at every offset of texts up to three groups long:
    /// the group reads find what one byte at a time finds.
    #[test]
    fn the_first_byte_outside_at_every_offset() {
        for byte in 0..=u8::MAX {
            for len in 1..=24 {
                for at in 0..len {
                    let mut text = vec![b'a'; len];
                    text[at] = byte;
                    let expected = text.iter().position(|&b| !is_nqschar(char::from(b)));
                    assert_eq!(
                        first_outside_nqschar(&text),
                        expected,
                        "{byte:#x} at {at} of {len}"
                    );
                }
            }
        }
    }
}
