//! The catalog table, rendered by `const fn` so that the table of a type with
//! `transparent` variants can be built at compile time from rows only const
//! evaluation knows, by the same code that renders it at run time.
//!
//! The derive renders tables whose rows it knows itself; the tests hold both
//! renderers to the same output.

use crate::ErrorEntry;

const HEADER: &[u8] = b"| Status | Code | Message | Description |\n| --- | --- | --- | --- |\n";

/// Renders the table of `entries` into `buf` and returns its full length.
///
/// Bytes past the end of `buf` are counted but not written, so an empty buffer
/// measures the table.
pub(crate) const fn render(entries: &[ErrorEntry], buf: &mut [u8]) -> usize {
    let mut out = Out { buf, len: 0 };
    out.bytes(HEADER);
    let mut i = 0;
    while i < entries.len() {
        let entry = &entries[i];
        out.bytes(b"| ");
        out.number(entry.status);
        out.bytes(b" | ");
        out.cell(entry.code.as_bytes());
        out.bytes(b" | ");
        out.cell(entry.message.as_bytes());
        out.bytes(b" | ");
        out.cell(entry.description.as_bytes());
        out.bytes(b" |\n");
        i += 1;
    }
    out.len
}

/// Writes `text` as the text of one table cell into `buf` (the escaping of
/// every errcat table, see `Out::cell`) and returns its full length; like
/// [`render`], an empty buffer measures it.
pub(crate) const fn render_cell(text: &[u8], buf: &mut [u8]) -> usize {
    let mut out = Out { buf, len: 0 };
    out.cell(text);
    out.len
}

struct Out<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl Out<'_> {
    const fn byte(&mut self, byte: u8) {
        if self.len < self.buf.len() {
            self.buf[self.len] = byte;
        }
        self.len += 1;
    }

    const fn bytes(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            self.byte(bytes[i]);
            i += 1;
        }
    }

    const fn number(&mut self, mut n: u16) {
        let mut digits = [0u8; 5];
        let mut count = 0;
        loop {
            digits[count] = b'0' + (n % 10) as u8;
            count += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        while count > 0 {
            count -= 1;
            self.byte(digits[count]);
        }
    }

    /// Writes cell text so that it cannot end the cell or the row, nor turn
    /// into markup: markdown punctuation is backslash-escaped and each line
    /// break (`\n`, `\r` or `\r\n`) becomes `<br>`. A `_` between two letters
    /// or digits stays as it is (`snake_case` codes read cleanly): there it
    /// can neither open nor close emphasis.
    const fn cell(&mut self, text: &[u8]) {
        let mut i = 0;
        while i < text.len() {
            let byte = text[i];
            if byte == b'\r' || byte == b'\n' {
                self.bytes(b"<br>");
                if byte == b'\r' && i + 1 < text.len() && text[i + 1] == b'\n' {
                    i += 1;
                }
            } else {
                let intraword = byte == b'_'
                    && i > 0
                    && text[i - 1].is_ascii_alphanumeric()
                    && i + 1 < text.len()
                    && text[i + 1].is_ascii_alphanumeric();
                if is_markdown_punctuation(byte) && !intraword {
                    self.byte(b'\\');
                }
                self.byte(byte);
            }
            i += 1;
        }
    }
}

const fn is_markdown_punctuation(byte: u8) -> bool {
    matches!(
        byte,
        b'\\' | b'|' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'~' | b'&'
    )
}
