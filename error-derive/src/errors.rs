//! Collects every error of one derive so the user sees them all in one compile.

use std::fmt::Display;

use proc_macro2::Span;

#[derive(Default)]
pub(crate) struct Errors {
    combined: Option<syn::Error>,
}

impl Errors {
    pub(crate) fn push(&mut self, error: syn::Error) {
        match &mut self.combined {
            Some(combined) => combined.combine(error),
            None => self.combined = Some(error),
        }
    }

    pub(crate) fn at(&mut self, span: Span, message: impl Display) {
        self.push(syn::Error::new(span, message));
    }

    /// An error at `span` plus a second one at `first`, the earlier occurrence
    /// (stable proc macros cannot attach a note to an error).
    pub(crate) fn repeated(
        &mut self,
        span: Span,
        message: impl Display,
        first: Span,
        note: impl Display,
    ) {
        self.at(span, message);
        self.at(first, note);
    }

    pub(crate) fn finish(self) -> Result<(), syn::Error> {
        self.combined.map_or(Ok(()), Err)
    }
}
