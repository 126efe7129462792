//! Per-variant code that needs no span of its own, written as Rust source
//! and lexed by rustc in one call. Each token a proc macro builds is sent to
//! rustc; a thousand rows of literals as text are one string to lex, which
//! costs rustc a fraction of what building their tokens costs the derive.
//! The tokens have the call-site span, as `quote!`'s do.

use std::fmt::Write as _;

use proc_macro2::TokenStream;
use quote::quote;

/// Generated source, with what it needs to be written.
#[derive(Default)]
pub(super) struct SourceText(String);

impl SourceText {
    pub(super) fn with_capacity(capacity: usize) -> Self {
        SourceText(String::with_capacity(capacity))
    }

    pub(super) fn push(&mut self, code: &str) {
        self.0.push_str(code);
    }

    /// `text` as a string literal.
    pub(super) fn string(&mut self, text: &str) {
        // Debug formatting of a `str` is a valid string literal of it.
        let _ = write!(self.0, "{text:?}");
    }

    /// `text` as a raw string literal, which rustc reads without escapes:
    /// for long text, such as a catalog table. A text with a carriage
    /// return, which a raw string cannot hold, is written escaped.
    pub(super) fn raw_string(&mut self, text: &str) {
        if text.contains('\r') {
            self.string(text);
            return;
        }
        // One `#` more than the longest run of them after a `"`.
        let mut hashes = 0;
        for (i, _) in text.match_indices('"') {
            let run = text[i + 1..].len() - text[i + 1..].trim_start_matches('#').len();
            hashes = hashes.max(run + 1);
        }
        let hashes = "#".repeat(hashes);
        let _ = write!(self.0, "r{hashes}\"{text}\"{hashes}");
    }

    /// `value` as written by `Display` (a number, a `bool`, an identifier).
    pub(super) fn display(&mut self, value: impl std::fmt::Display) {
        let _ = write!(self.0, "{value}");
    }

    /// `&["a", "b"]`.
    pub(super) fn strings(&mut self, texts: &[String]) {
        self.push("&[");
        for text in texts {
            self.string(text);
            self.push(",");
        }
        self.push("]");
    }

    /// The tokens. Source written by the derive always lexes; should it not,
    /// the error says so instead of a panic. Lexed by rustc directly:
    /// `proc_macro2` would first lex it again itself, in unoptimized code.
    pub(super) fn lex(&self) -> TokenStream {
        self.0.parse::<proc_macro::TokenStream>().map_or_else(
            |_| {
                quote!(::core::compile_error!(
                "errcat: the derive wrote code that does not lex; please report this"
            );)
            },
            TokenStream::from,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::SourceText;

    #[test]
    fn strings_are_literals_of_the_same_text() {
        let texts = [
            "",
            "plain",
            "quote \" backslash \\ brace {{ }}",
            "line\nbreak\r\nand\ttab\0nul\u{7f}",
            "naïve ünïcode — 🦀",
            "zero\u{200b}width and combining e\u{301}",
            "\"#raw-looking\"#",
            "| a \"## | b |\n\"",
        ];
        for text in texts {
            for write in [SourceText::string, SourceText::raw_string] {
                let mut source = SourceText::default();
                write(&mut source, text);
                let literal: syn::LitStr = syn::parse_str(&source.0).expect("a string literal");
                assert_eq!(literal.value(), text, "{}", source.0);
            }
        }
    }
}
