//! Items used by the code `#[derive(ApiError)]` generates. Not public API: they
//! change without notice, in lockstep with `errcat-derive`.

use crate::ErrorEntry;
use crate::markdown::render;

/// Builds a catalog row.
#[must_use]
pub const fn entry(
    name: &'static str,
    status: u16,
    code: &'static str,
    message: &'static str,
    description: &'static str,
) -> ErrorEntry {
    ErrorEntry::new(name, status, code, message, description)
}

/// Joins the rows of a type's own variants and of its transparent variants'
/// types into one array, in order. `N` is the total length.
#[must_use]
pub const fn concat_entries<const N: usize>(parts: &[&[ErrorEntry]]) -> [ErrorEntry; N] {
    let mut all = [entry("", 0, "", "", ""); N];
    let mut len = 0;
    let mut part = 0;
    while part < parts.len() {
        let mut i = 0;
        while i < parts[part].len() {
            all[len] = parts[part][i];
            len += 1;
            i += 1;
        }
        part += 1;
    }
    assert!(len == N, "errcat: catalog length mismatch");
    all
}

/// The length of the markdown table of `entries`.
#[must_use]
pub const fn markdown_len(entries: &[ErrorEntry]) -> usize {
    render(entries, &mut [])
}

/// The markdown table of `entries`; `N` is [`markdown_len`] of them.
#[must_use]
pub const fn markdown_bytes<const N: usize>(entries: &[ErrorEntry]) -> [u8; N] {
    let mut table = [0; N];
    render(entries, &mut table);
    table
}

/// `bytes` as text; only called in const evaluation, on tables `render` wrote.
#[must_use]
pub const fn utf8(bytes: &'static [u8]) -> &'static str {
    match core::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(_) => panic!("errcat: catalog table is not UTF-8"),
    }
}
