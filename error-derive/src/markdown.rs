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

/// A row's bytes besides its cell text: delimiters, the status and the
/// `Deprecated: ` prefix.
const ROW_OVERHEAD: usize = 64;

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
    // A byte of cell text takes at most four in the table (a line break
    // becomes `<br>`), so one pass into a buffer of that size writes the
    // whole table; a second pass is only for a table that did not fit.
    let bound = HEADER.len()
        + rows
            .iter()
            .map(|row| {
                let text = row.code.len()
                    + row.message.len()
                    + row.description.len()
                    + row.deprecated.map_or(0, str::len);
                ROW_OVERHEAD + 4 * text
            })
            .sum::<usize>();
    let mut table = vec![0; bound];
    let len = render(&mut table);
    table.resize(len, 0);
    if len > bound {
        render(&mut table);
    }
    // Escaping only inserts ASCII between the bytes of valid UTF-8 text.
    String::from_utf8(table).unwrap_or_default()
}
