//! The catalog table of rows, with the renderer the derive uses too (see
//! `shared::markdown`), so `Catalog::MARKDOWN` and `docs::markdown` agree.

use crate::ErrorEntry;
use crate::shared::markdown::{HEADER, Out};

/// Renders the table of `entries` into `buf` and returns its full length;
/// an empty buffer measures it.
pub(crate) const fn render(entries: &[ErrorEntry], buf: &mut [u8]) -> usize {
    let mut out = Out::new(buf);
    out.bytes(HEADER);
    let mut i = 0;
    while i < entries.len() {
        let entry = &entries[i];
        out.row(
            entry.status,
            entry.code,
            entry.message,
            entry.deprecated,
            entry.description,
        );
        i += 1;
    }
    out.len()
}

/// The markdown table of `entries`.
pub(crate) fn table(entries: &[ErrorEntry]) -> String {
    let mut table = vec![0; render(entries, &mut [])];
    render(entries, &mut table);
    utf8(table)
}

/// `text` escaped as the text of one table cell.
pub(crate) fn cell(text: &str) -> String {
    let measure = {
        let mut out = Out::new(&mut []);
        out.cell(text.as_bytes());
        out.len()
    };
    let mut escaped = vec![0; measure];
    Out::new(&mut escaped).cell(text.as_bytes());
    utf8(escaped)
}

/// The Description cell of `entry`: its deprecation note, if any, then its
/// description, escaped.
pub(crate) fn description_cell(entry: &ErrorEntry) -> String {
    let write = |buf: &mut [u8]| {
        let mut out = Out::new(buf);
        out.description(entry.deprecated, entry.description.as_bytes());
        out.len()
    };
    let mut cell = vec![0; write(&mut [])];
    write(&mut cell);
    utf8(cell)
}

/// Text the renderer wrote. Escaping only inserts ASCII between the bytes of
/// valid UTF-8 text, so the lossy branch is never taken.
fn utf8(bytes: Vec<u8>) -> String {
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    }
}
