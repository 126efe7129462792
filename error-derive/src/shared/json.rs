//! JSON string text, escaped exactly as `serde_json` escapes it: `"` and `\`
//! with a backslash, the control characters U+0000–U+001F as `\b`, `\t`,
//! `\n`, `\f`, `\r` or `\u00xx`, everything else as it is. The derive
//! escapes constant bodies with it at macro time and the runtime escapes
//! the text it writes at run time, so both write the bytes `serde_json`
//! would.

use super::swar::{below, equal, first_marked};

/// How each control character, U+0000–U+001F, is written.
const CONTROL: [&str; 32] = [
    "\\u0000", "\\u0001", "\\u0002", "\\u0003", "\\u0004", "\\u0005", "\\u0006", "\\u0007", //
    "\\b", "\\t", "\\n", "\\u000b", "\\f", "\\r", "\\u000e", "\\u000f", //
    "\\u0010", "\\u0011", "\\u0012", "\\u0013", "\\u0014", "\\u0015", "\\u0016", "\\u0017", //
    "\\u0018", "\\u0019", "\\u001a", "\\u001b", "\\u001c", "\\u001d", "\\u001e", "\\u001f",
];

/// The escape of `byte`, when it needs one.
const fn escape_of(byte: u8) -> Option<&'static str> {
    match byte {
        b'"' => Some("\\\""),
        b'\\' => Some("\\\\"),
        0..=0x1F => Some(CONTROL[byte as usize]),
        _ => None,
    }
}

/// Hands `out` the escaped form of `text` (without the enclosing quotes),
/// piece by piece: runs of text that need no escape, and escapes.
///
/// # Errors
///
/// The first error `out` returns, after which nothing more is handed over.
pub fn escape<E>(text: &str, mut out: impl FnMut(&str) -> Result<(), E>) -> Result<(), E> {
    let bytes = text.as_bytes();
    // `start` opens the run not yet handed over, `from` the search.
    let (mut start, mut from) = (0, 0);
    while let Some(found) = first_marked(&bytes[from..], needs_escape) {
        let at = from + found;
        from = at + 1;
        if let Some(escape) = escape_of(bytes[at]) {
            // Escaped bytes are ASCII, so `at` and `at + 1` are character
            // boundaries.
            if start < at {
                out(&text[start..at])?;
            }
            out(escape)?;
            start = from;
        }
    }
    if start < bytes.len() {
        out(&text[start..])?;
    }
    Ok(())
}

/// Marks the bytes of `word` below 0x20, `"` and `\` (bytes of 0x80 and
/// above, which UTF-8 uses past ASCII, never count).
const fn needs_escape(word: u64) -> u64 {
    below(word, 0x20) | equal(word, b'"') | equal(word, b'\\')
}

#[cfg(test)]
mod tests {
    use super::{escape, escape_of};

    fn escaped(text: &str) -> String {
        let mut out = String::new();
        escape::<()>(text, |piece| {
            out.push_str(piece);
            Ok(())
        })
        .unwrap();
        out
    }

    /// Each byte that needs an escape, at every offset of texts of every
    /// length up to three groups, among ASCII and multi-byte characters:
    /// the group reads, their overlapping last group and the byte reads
    /// must agree with one byte at a time.
    #[test]
    fn every_escape_at_every_offset() {
        let fillers = ["a", "é", "😀"];
        for special in (0u8..0x20).chain([b'"', b'\\']).map(char::from) {
            for filler in fillers {
                for len in 1..=24 {
                    for at in 0..len {
                        let text: String = (0..len)
                            .map(|i| {
                                if i == at {
                                    special.to_string()
                                } else {
                                    filler.to_owned()
                                }
                            })
                            .collect();
                        let expected: String = text
                            .chars()
                            .map(|c| {
                                u8::try_from(c)
                                    .ok()
                                    .and_then(escape_of)
                                    .map_or_else(|| c.to_string(), str::to_owned)
                            })
                            .collect();
                        assert_eq!(escaped(&text), expected, "{text:?}");
                    }
                }
            }
        }
    }
}
