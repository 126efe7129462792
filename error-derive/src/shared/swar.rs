//! Byte searches eight bytes at a time ("SIMD within a register"): the
//! first byte a test marks, found with one word operation per eight bytes
//! and no byte-by-byte loop, for JSON escaping and RFC 6749's character set.

const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `word` below `n` (`n` <= 0x80).
///
/// A byte below `n` leaves its high bit set in `word - n`, which a byte of
/// 0x80 or above cannot, as `!word` clears it. Only a byte below `n`
/// borrows from the next one, so the lowest byte marked is exact, while
/// bytes above it may be marked by its borrow: callers trust the lowest.
pub const fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES * n as u64) & !word & HIGH
}

/// The high bit of each byte of `word` equal to `byte`, the lowest exact
/// as with [`below`].
pub const fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ (ONES * byte as u64), 1)
}

/// The high bit of each byte of `word` of 0x7F or above, each exact.
pub const fn at_least_0x7f(word: u64) -> u64 {
    (((word & !HIGH) + ONES) | word) & HIGH
}

/// The position of the first byte of `bytes` that `marks` marks, eight
/// bytes (read little-endian, so the first byte is the lowest) at a time.
///
/// `marks` sets the high bit of bytes of a word, built from [`below`],
/// [`equal`] and [`at_least_0x7f`]: the lowest byte it marks must be
/// exact, and it must not mark a space, which fills out a text of fewer
/// than four bytes. A text's last, partial group is read as its last
/// eight bytes, whose first ones were found unmarked already.
pub fn first_marked(bytes: &[u8], marks: impl Fn(u64) -> u64) -> Option<usize> {
    let lowest = |word: [u8; 8]| {
        let marked = marks(u64::from_le_bytes(word));
        (marked != 0).then_some(marked.trailing_zeros() as usize / 8)
    };
    let groups = bytes.chunks_exact(8);
    let rest = groups.remainder().len();
    for (index, group) in groups.enumerate() {
        if let Some(at) = <[u8; 8]>::try_from(group).ok().and_then(lowest) {
            return Some(index * 8 + at);
        }
    }
    if rest == 0 {
        return None;
    }
    if let Some(&last) = bytes.last_chunk::<8>() {
        return lowest(last).map(|at| bytes.len() - 8 + at);
    }
    // Shorter than a group: read as one word without a copy of unknown
    // length, which would cost more than the search.
    short_first_marked(bytes, lowest)
}

/// [`first_marked`] in a text of one to seven bytes, read as one word of
/// its bytes in their order: its first and last four (overlapping) when it
/// has four or more, else its first, middle and last, then spaces.
fn short_first_marked(bytes: &[u8], lowest: impl Fn([u8; 8]) -> Option<usize>) -> Option<usize> {
    let len = bytes.len();
    if let (Some(&[a, b, c, d]), Some(&[e, f, g, h])) = (bytes.first_chunk(), bytes.last_chunk()) {
        return lowest([a, b, c, d, e, f, g, h]).map(|at| if at < 4 { at } else { at + len - 8 });
    }
    let spots = [0, len / 2, len.checked_sub(1)?];
    let word = spots.map(|spot| bytes[spot]);
    let [a, b, c] = word;
    lowest([a, b, c, b' ', b' ', b' ', b' ', b' ']).map(|at| spots[at])
}

#[cfg(test)]
mod tests {
    use super::{at_least_0x7f, below, equal, first_marked};

    fn marks(word: u64) -> u64 {
        below(word, 0x20) | equal(word, b'"') | at_least_0x7f(word)
    }

    fn marked(byte: u8) -> bool {
        byte < 0x20 || byte == b'"' || byte >= 0x7F
    }

    /// Every byte value at every offset of texts up to three groups long,
    /// between bytes the test does not mark and followed by every kind of
    /// byte it does, so that a borrow from the first could mark the next:
    /// the first position is the one a byte-by-byte search finds.
    #[test]
    fn the_first_marked_byte_at_every_offset() {
        for byte in 0..=u8::MAX {
            for after in [0x00, 0x1F, b'"', 0x7F, 0xFF, b'a'] {
                for len in 1..=24 {
                    for at in 0..len {
                        let mut text = vec![b'a'; len];
                        text[at] = byte;
                        if at + 1 < len {
                            text[at + 1] = after;
                        }
                        let expected = text.iter().position(|&b| marked(b));
                        assert_eq!(
                            first_marked(&text, marks),
                            expected,
                            "{byte:#x} then {after:#x} at {at} of {len}"
                        );
                    }
                }
            }
        }
    }
}
