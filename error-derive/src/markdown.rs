//! The catalog table, rendered by the macro when it knows every row, so that
//! `Catalog::MARKDOWN` is a plain string literal and costs rustc nothing. The
//! renderer is the runtime's (`shared::markdown`), so the two cannot differ.

use crate::shared::markdown::{HEADER, Out};

/// A row as the macro knows it.
pub(crate) struct TableRow<'a> {
    pub status: u16,
    pub code: &'a str,
    pub message: &'a str,
    pub deprecated: Option<&'a str>,
    pub description: &'a str,
}

pub(crate) fn table(rows: &[TableRow]) -> String {
    let render = |buf: &mut [u8]| {
        let mut out = Out::new(buf);
        out.bytes(HEADER);
        for row in rows {
            out.row(
                row.status,
                row.code,
                row.message,
                row.deprecated,
                row.description,
            );
        }
        out.len()
    };
    let mut table = vec![0; render(&mut [])];
    render(&mut table);
    // Escaping only inserts ASCII between the bytes of valid UTF-8 text.
    String::from_utf8(table).unwrap_or_default()
}
