//! Items used by the code `#[derive(ApiError)]` generates. Not public API: they
//! change without notice, in lockstep with `errcat-derive`.

use crate::markdown::render;
use crate::{ApiError, ErrorEntry};

/// Builds a catalog row.
#[must_use]
pub const fn entry(
    name: &'static str,
    status: u16,
    code: &'static str,
    message: &'static str,
    description: &'static str,
    literal: bool,
) -> ErrorEntry {
    ErrorEntry::new(name, status, code, message, description, literal)
}

/// The message of a derived error when it is the literal in its row.
#[must_use]
pub const fn literal_message(entry: &ErrorEntry) -> Option<&'static str> {
    entry.literal_message()
}

/// Joins the rows of a type's own variants and of its transparent variants'
/// types into one array, in order. `N` is the total length.
#[must_use]
pub const fn concat_entries<const N: usize>(parts: &[&[ErrorEntry]]) -> [ErrorEntry; N] {
    let mut all = [entry("", 0, "", "", "", false); N];
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

pub use core::fmt::{Arguments, Display};
pub use erased_serde::Serialize as ErasedSerialize;
pub use serde_core::Serialize;

/// The settings a derived type declares at type level.
#[derive(Clone, Copy)]
pub struct TypeSettings {
    pub format: FormatKind,
    pub type_base: Option<&'static str>,
    pub challenge: Option<&'static str>,
}

impl TypeSettings {
    /// What a type without `format`, `type_base` or `challenge` gets.
    pub const DEFAULT: TypeSettings = TypeSettings {
        format: FormatKind::Problem,
        type_base: None,
        challenge: None,
    };
}

/// A type's declared wire shape. The built-in ones are named so that
/// `Envelope::new` dispatches to them statically.
#[derive(Clone, Copy)]
pub enum FormatKind {
    Flat,
    Nested,
    Typed,
    Described,
    OAuth2,
    Problem,
    Custom(&'static (dyn DynFormat + Sync)),
}

/// What generated `__visit` methods show: exposed members, the details value
/// and header fields, in declaration order (a details template first).
pub trait Visitor {
    fn member(&mut self, name: &'static str, value: &dyn ErasedSerialize) {
        let _ = (name, value);
    }
    fn details_value(&mut self, value: &dyn ErasedSerialize) {
        let _ = value;
    }
    fn details_text(&mut self, text: Arguments<'_>) {
        let _ = text;
    }
    fn header(&mut self, name: &'static str, value: &dyn Display) {
        let _ = (name, value);
    }
}

pub use crate::format::DynFormat;

/// Turns any `ApiError`, sized or not, into a trait object: implemented for
/// every sized type here, and by the vtable for `dyn ApiError`.
pub trait AsDynApiError {
    fn __as_dyn(&self) -> &dyn ApiError;
}

impl<T: ApiError> AsDynApiError for T {
    fn __as_dyn(&self) -> &dyn ApiError {
        self
    }
}
