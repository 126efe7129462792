//! Paths in `#[api(...)]`: a key's (`status`, or a longer path only ever
//! reported), and a value's (`status = StatusCode::CONFLICT`,
//! `format = crate::Mine`). syn's `Path` is behind its `derive` feature;
//! what the derive needs of a path is its segments' names and its tokens.

use proc_macro2::{Ident, Span, TokenStream};
use syn::Token;
use syn::ext::IdentExt;
use syn::parse::{ParseStream, Parser as _};
use syn::punctuated::Punctuated;

use crate::angles::{Angles, is_punct};

/// A key's path: identifiers, keywords included, joined by `::`.
pub(crate) struct KeyPath {
    leading_colon: Option<Token![::]>,
    segments: Punctuated<Ident, Token![::]>,
}

impl KeyPath {
    /// Like `Path::parse_mod_style`, but a keyword is a name too, as in
    /// syn's own nested-meta parser.
    pub(super) fn parse(input: ParseStream) -> syn::Result<Self> {
        let leading_colon: Option<Token![::]> = input.parse()?;
        let mut segments = Punctuated::new();
        if input.peek(Ident::peek_any) {
            segments.push_value(Ident::parse_any(input)?);
        } else if input.is_empty() {
            return Err(input.error("expected nested attribute"));
        } else if input.peek(syn::Lit) {
            return Err(input.error("unexpected literal in nested attribute, expected ident"));
        } else {
            return Err(input.error("unexpected token in nested attribute, expected ident"));
        }
        while input.peek(Token![::]) {
            segments.push_punct(input.parse()?);
            segments.push_value(Ident::parse_any(input)?);
        }
        Ok(KeyPath {
            leading_colon,
            segments,
        })
    }

    /// The one identifier the path is, if it is one.
    pub(crate) fn get_ident(&self) -> Option<&Ident> {
        match self.segments.first() {
            Some(ident) if self.leading_colon.is_none() && self.segments.len() == 1 => Some(ident),
            _ => None,
        }
    }

    /// Where the path starts (what syn's `Spanned` gives on stable Rust,
    /// which cannot join spans).
    pub(crate) fn span(&self) -> Span {
        self.range().0
    }

    /// The spans of its first and last tokens.
    pub(crate) fn range(&self) -> (Span, Span) {
        let last = self
            .segments
            .last()
            .map_or_else(Span::call_site, Ident::span);
        let first = match (&self.leading_colon, self.segments.first()) {
            (Some(colon), _) => colon.spans[0],
            (None, Some(first)) => first.span(),
            (None, None) => last,
        };
        (first, last)
    }

    /// The path as written, without spaces: `a::b`.
    pub(crate) fn text(&self) -> String {
        let mut text = String::new();
        if self.leading_colon.is_some() {
            text.push_str("::");
        }
        for (index, segment) in self.segments.iter().enumerate() {
            if index > 0 {
                text.push_str("::");
            }
            text.push_str(&segment.to_string());
        }
        text
    }
}

/// The names of the segments of `value` when all of it is a path as a type
/// is written: `a::b::C`, with or without a leading `::`, a segment perhaps
/// with generic arguments (`Mine<u8>`, `Mine::<u8>`), which are not read.
pub(super) fn value_segments(value: &TokenStream) -> Option<Vec<Ident>> {
    let parser = |input: ParseStream| {
        input.parse::<Option<Token![::]>>()?;
        let mut segments = Vec::new();
        loop {
            let keyword =
                input.peek(Token![super]) || input.peek(Token![self]) || input.peek(Token![crate]);
            let ident = if keyword || input.peek(Token![Self]) {
                Ident::parse_any(input)?
            } else {
                input.parse()?
            };
            let arguments = input.peek(Token![<]) && !input.peek(Token![<=])
                || input.peek(Token![::]) && input.peek3(Token![<]);
            if !keyword && arguments {
                input.parse::<Option<Token![::]>>()?;
                skip_arguments(input)?;
            }
            segments.push(ident);
            if input.is_empty() {
                return Ok(segments);
            }
            input.parse::<Token![::]>()?;
        }
    };
    parser.parse2(value.clone()).ok()
}

/// `<...>`, balanced.
fn skip_arguments(input: ParseStream) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut angles = Angles::default();
        while let Some((token, next)) = rest.token_tree() {
            rest = next;
            let depth = angles.step(&token);
            if depth == 0 && is_punct(&token, '>') {
                return Ok(((), rest));
            }
        }
        Err(cursor.error("expected `>`"))
    })
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::value_segments;

    fn names(value: &proc_macro2::TokenStream) -> Option<Vec<String>> {
        value_segments(value).map(|segments| segments.iter().map(ToString::to_string).collect())
    }

    #[test]
    fn a_value_is_a_path_when_all_of_it_is_one() {
        assert_eq!(
            names(&quote!(StatusCode::CONFLICT)).unwrap(),
            ["StatusCode", "CONFLICT"]
        );
        assert_eq!(names(&quote!(::my::Fmt<Vec<u8>>)).unwrap(), ["my", "Fmt"]);
        assert_eq!(names(&quote!(crate::Fmt::<u8>)).unwrap(), ["crate", "Fmt"]);
        assert_eq!(names(&quote!(self::Self)).unwrap(), ["self", "Self"]);
        for value in [
            quote!(400 + 9),
            quote!(struct),
            quote!(a::),
            quote!(Fmt < u8),
            quote!(a b),
        ] {
            assert_eq!(names(&value), None);
        }
    }
}
