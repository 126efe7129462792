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
        // Eight bytes at a time while none of them needs an escape.
        if let Some(word) = bytes.get(index..index + 8) {
            if let Ok(word) = <[u8; 8]>::try_from(word) {
                if !may_need_escape(u64::from_le_bytes(word)) {
                    index += 8;
                    continue;
                }
            }
        }
        if let Some(escape) = escape_of(bytes[index]) {
            // Escaped bytes are ASCII, so `index` is a character boundary.
            if start < index {
                out(&text[start..index])?;
            }
            out(escape)?;
            start = index + 1;
        }
        index += 1;
    }
    if start < bytes.len() {
        out(&text[start..])?;
    }
    Ok(())
}

/// Whether one of the eight bytes of `word` is below 0x20, `"` or `\`
/// (bytes of 0x80 and above, which UTF-8 uses past ASCII, never count).
const fn may_need_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // A byte below `n` (n ≤ 0x80) leaves its high bit set in `word - n`,
    // which a byte of 0x80 or above cannot, as `!word` clears it.
    const fn has_below(word: u64, n: u64) -> bool {
        word.wrapping_sub(ONES * n) & !word & HIGH != 0
    }
    has_below(word, 0x20)
        || has_below(word ^ (ONES * 0x22), 1)
        || has_below(word ^ (ONES * 0x5C), 1)
}
