//! The catalog table: `| Status | Code | Message | Description |` and a row
//! per error, rendered by `const fn` so that the runtime can build the table
//! of rows only const evaluation knows (a type with `transparent` variants)
//! with the same code the macro uses for rows it knows itself.

/// The header and delimiter row of every catalog table.
pub const HEADER: &[u8] = b"| Status | Code | Message | Description |\n| --- | --- | --- | --- |\n";

/// Table text written into a buffer. Bytes past the end of the buffer are
/// counted but not written, so writing into an empty buffer measures the
/// text: render once to measure, once to write.
pub struct Out<'a> {
    buf: &'a mut [u8],
    len: usize,
}

impl<'a> Out<'a> {
    /// Writes into `buf`.
    pub const fn new(buf: &'a mut [u8]) -> Self {
        Out { buf, len: 0 }
    }

    /// The length of everything written so far, whether it fit or not.
    pub const fn len(&self) -> usize {
        self.len
    }

    const fn byte(&mut self, byte: u8) {
        if self.len < self.buf.len() {
            self.buf[self.len] = byte;
        }
        self.len += 1;
    }

    /// Writes `bytes` as they are.
    pub const fn bytes(&mut self, bytes: &[u8]) {
        let mut i = 0;
        while i < bytes.len() {
            self.byte(bytes[i]);
            i += 1;
        }
    }

    /// Writes one row of the catalog table; a deprecated error's
    /// Description cell starts with its note.
    pub const fn row(
        &mut self,
        status: u16,
        code: &str,
        message: &str,
        deprecated: Option<&str>,
        description: &str,
    ) {
        self.cell_start(true);
        self.number(status);
        self.cell_start(false);
        self.cell(code.as_bytes());
        self.cell_start(false);
        self.cell(message.as_bytes());
        self.cell_start(false);
        self.description(deprecated, description.as_bytes());
        self.row_end();
    }

    /// Opens a cell: `| ` for the first of a row, ` | ` for the others.
    pub const fn cell_start(&mut self, first: bool) {
        self.bytes(if first { b"| " } else { b" | " });
    }

    /// Closes the last cell and the row.
    pub const fn row_end(&mut self) {
        self.bytes(b" |\n");
    }

    /// Writes the Description cell: `Deprecated: <note>.` first (the period
    /// added unless the note ends a sentence), then the description.
    pub const fn description(&mut self, deprecated: Option<&str>, description: &[u8]) {
        if let Some(note) = deprecated {
            let note = note.as_bytes();
            self.bytes(b"Deprecated: ");
            self.cell(note);
            if !matches!(note.last(), Some(b'.' | b'!' | b'?')) {
                self.byte(b'.');
            }
            if !description.is_empty() {
                self.byte(b' ');
            }
        }
        self.cell(description);
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
    pub const fn cell(&mut self, text: &[u8]) {
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
