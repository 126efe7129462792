//! Collects every error of one derive so the user sees them all in one compile.
//!
//! An error spans a range of tokens, as `compile_error!` shows it: its path
//! at the first token, its message at the last. syn builds such an error
//! only with its `printing` feature (`Error::new_spanned`), which would make
//! syn wait for quote in every clean build; stable proc macros cannot join
//! two spans into one. The errors are therefore written here, as syn writes
//! them.

use std::fmt::{self, Display};

use proc_macro2::{Delimiter, Group, Ident, Literal, Punct, Spacing, Span, TokenStream, TokenTree};

#[derive(Default)]
pub(crate) struct Errors {
    list: Vec<Error>,
}

/// The errors of a derive that failed, in the order they were found.
pub(crate) struct Failure {
    list: Vec<Error>,
}

struct Error {
    start: Span,
    end: Span,
    message: String,
}

impl Errors {
    /// The errors syn reports (each at one token).
    pub(crate) fn push(&mut self, error: syn::Error) {
        self.list.extend(error.into_iter().map(|error| {
            let span = error.span();
            Error {
                start: span,
                end: span,
                message: error.to_string(),
            }
        }));
    }

    pub(crate) fn at(&mut self, span: Span, message: impl Display) {
        self.between(span, span, message);
    }

    /// An error spanning `tokens`, from the first to the last.
    pub(crate) fn spanning(&mut self, tokens: &TokenStream, message: impl Display) {
        let mut tokens = tokens.clone().into_iter();
        let start = tokens
            .next()
            .map_or_else(Span::call_site, |token| token.span());
        let end = tokens.last().map_or(start, |token| token.span());
        self.between(start, end, message);
    }

    /// An error spanning the tokens from `start` to `end`.
    pub(crate) fn between(&mut self, start: Span, end: Span, message: impl Display) {
        self.list.push(Error {
            start,
            end,
            message: message.to_string(),
        });
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

    pub(crate) fn finish(self) -> Result<(), Failure> {
        if self.list.is_empty() {
            Ok(())
        } else {
            Err(Failure { list: self.list })
        }
    }
}

impl Failure {
    /// `::core::compile_error! { "..." }` for each error, spanned as syn
    /// spans its own.
    pub(crate) fn to_compile_error(&self) -> TokenStream {
        let mut tokens = TokenStream::new();
        for error in &self.list {
            let start = error.start;
            let punct = |ch, spacing| {
                let mut punct = Punct::new(ch, spacing);
                punct.set_span(start);
                TokenTree::Punct(punct)
            };
            let mut message = Literal::string(&error.message);
            message.set_span(error.end);
            let mut group = Group::new(Delimiter::Brace, TokenTree::Literal(message).into());
            group.set_span(error.end);
            tokens.extend([
                punct(':', Spacing::Joint),
                punct(':', Spacing::Alone),
                TokenTree::Ident(Ident::new("core", start)),
                punct(':', Spacing::Joint),
                punct(':', Spacing::Alone),
                TokenTree::Ident(Ident::new("compile_error", start)),
                punct('!', Spacing::Alone),
                TokenTree::Group(group),
            ]);
        }
        tokens
    }
}

/// The first error's message, as syn's `Error` displays.
impl Display for Failure {
    fn fmt(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        let first = self.list.first().map_or("", |error| error.message.as_str());
        formatter.write_str(first)
    }
}

#[cfg(test)]
mod tests {
    use proc_macro2::Span;

    use super::Errors;

    /// Errors are written as syn writes its own, in the order reported.
    #[test]
    fn errors_are_written_as_syn_writes_them() {
        let mut errors = Errors::default();
        errors.at(Span::call_site(), "first");
        errors.spanning(&quote::quote!(a + b), "second");
        let failure = errors.finish().expect_err("a failure");
        let mut syn_error = syn::Error::new(Span::call_site(), "first");
        syn_error.combine(syn::Error::new(Span::call_site(), "second"));
        assert_eq!(
            failure.to_compile_error().to_string(),
            syn_error.to_compile_error().to_string()
        );
        assert_eq!(failure.to_string(), "first");
        assert!(Errors::default().finish().is_ok());
    }
}
