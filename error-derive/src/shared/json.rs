//! JSON string text, escaped exactly as `serde_json` escapes it: `"` and `\`
//! with a backslash, the control characters U+0000–U+001F as `\b`, `\t`,
//! `\n`, `\f`, `\r` or `\u00xx`, everything else as it is. The derive
//! escapes constant bodies with it at macro time and the runtime escapes
//! the text it writes at run time, so both write the bytes `serde_json`
//! would.

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
    let mut start = 0;
    let mut index = 0;
    while index < bytes.len() {
        // Fewer than eight bytes left are read one by one.
        if bytes.len() - index >= 8 {
            index += clean_run(&bytes[index..]);
        }
        // The group of eight bytes there, read byte by byte.
        let end = bytes.len().min(index + 8);
        for (at, &byte) in bytes[index..end].iter().enumerate() {
            if let Some(escape) = escape_of(byte) {
                // Escaped bytes are ASCII, so `index + at` is a character
                // boundary.
                if start < index + at {
                    out(&text[start..index + at])?;
                }
                out(escape)?;
                start = index + at + 1;
            }
        }
        index = end;
    }
    if start < bytes.len() {
        out(&text[start..])?;
    }
    Ok(())
}

/// How many bytes at the start of `bytes` surely need no escape: all of
/// them, or a multiple of eight, where the first group of eight that may
/// need one starts (a short last group is the text's last eight bytes).
fn clean_run(bytes: &[u8]) -> usize {
    let groups = bytes.chunks_exact(8);
    let rest = groups.remainder().len();
    let mut run = 0;
    for group in groups {
        if <[u8; 8]>::try_from(group).is_ok_and(|group| may_need_escape(u64::from_le_bytes(group)))
        {
            return run;
        }
        run += 8;
    }
    match bytes.last_chunk::<8>() {
        Some(&last) if rest > 0 && !may_need_escape(u64::from_le_bytes(last)) => bytes.len(),
        _ => run,
    }
}

/// Whether one of the eight bytes of `word` is below 0x20, `"` or `\`
/// (bytes of 0x80 and above, which UTF-8 uses past ASCII, never count).
const fn may_need_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below `n` (n <= 0x80) leaves its high bit set in `word - n`,
    // which a byte of 0x80 or above cannot, as `!word` clears it. The three
    // tests share one mask and one branch.
    const fn below(word: u64, n: u64) -> u64 {
        word.wrapping_sub(ONES * n) & !word
    }
    let quote = word ^ (ONES * 0x22);
    let backslash = word ^ (ONES * 0x5C);
    (below(word, 0x20) | below(quote, 1) | below(backslash, 1)) & HIGH != 0
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
