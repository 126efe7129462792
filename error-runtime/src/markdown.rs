//! The catalog table of rows, with the renderer the derive uses too (see
//! `shared::markdown`), so `Catalog::MARKDOWN` and `docs::markdown` agree.

use crate::ErrorEntry;
use crate::shared::markdown::{HEADER, Out};

/// Writes the table of `entries`.
pub(crate) const fn render(entries: &[ErrorEntry], out: &mut Out) {
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
}

/// The markdown table of `entries`.
pub(crate) fn table(entries: &[ErrorEntry]) -> String {
    written(|out| render(entries, out))
}

/// `text` escaped as the text of one table cell.
#[cfg(feature = "docs")]
pub(crate) fn cell(text: &str) -> String {
    written(|out| out.cell(text.as_bytes()))
}

/// The Description cell of `entry`: its deprecation note, if any, then its
/// description, escaped.
#[cfg(feature = "docs")]
pub(crate) fn description_cell(entry: &ErrorEntry) -> String {
    written(|out| out.description(entry.deprecated, entry.description.as_bytes()))
}

/// What `write` writes, as a `String`: written once to measure it and once
/// into a buffer of that size.
pub(crate) fn written(write: impl Fn(&mut Out)) -> String {
    let mut measure = Out::new(&mut []);
    write(&mut measure);
    let mut bytes = vec![0; measure.len()];
    write(&mut Out::new(&mut bytes));
    // Escaping only inserts ASCII between the bytes of valid UTF-8 text, so
    // the lossy branch is never taken.
    match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    }
}
