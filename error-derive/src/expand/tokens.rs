//! Small pieces of generated code appended token by token into the stream
//! being built. Inside a proc macro each `TokenStream` interpolated into
//! another is a round trip into rustc (most of the derive's time, per
//! variant, before these); an identifier or a punctuation mark appended is
//! not. Repeated per-variant code therefore interpolates these, and `quote!`
//! repetitions, rather than a `TokenStream` per arm.

use proc_macro2::{Delimiter, Group, Ident, Punct, Spacing, Span, TokenStream};
use quote::{ToTokens, TokenStreamExt};

use crate::ast::Field;

fn append_colon2(tokens: &mut TokenStream, span: Span) {
    let mut first = Punct::new(':', Spacing::Joint);
    first.set_span(span);
    let mut second = Punct::new(':', Spacing::Alone);
    second.set_span(span);
    tokens.append(first);
    tokens.append(second);
}

fn append_punct(tokens: &mut TokenStream, ch: char, spacing: Spacing, span: Span) {
    let mut punct = Punct::new(ch, spacing);
    punct.set_span(span);
    tokens.append(punct);
}

/// `Type::Variant`, or `Self` for a struct. The enum's own name, not
/// `Self`: rustc resolves `Self::Variant` by searching the variants for the
/// name, in every arm of every `match`, which grows with the square of
/// their number; `Type::Variant` is resolved by name lookup.
#[derive(Clone, Copy)]
pub(super) struct VariantPath<'a>(pub Option<(&'a Ident, &'a Ident)>);

impl VariantPath<'_> {
    /// The path as source text.
    pub(super) fn write(self, source: &mut super::source::SourceText) {
        match self.0 {
            Some((ty, variant)) => {
                source.display(ty);
                source.push("::");
                source.display(variant);
            }
            None => source.push("Self"),
        }
    }
}

impl ToTokens for VariantPath<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self.0 {
            Some((ty, variant)) => {
                tokens.append(ty.clone());
                append_colon2(tokens, Span::call_site());
                tokens.append(variant.clone());
            }
            None => tokens.append(Ident::new("Self", Span::call_site())),
        }
    }
}

/// A pattern binding some fields of a variant (each once) and ignoring the
/// rest: `Self::Variant { 0: __field_0, .. }`.
pub(super) struct Pattern<'f> {
    pub path: VariantPath<'f>,
    pub fields: Vec<&'f Field<'f>>,
}

impl ToTokens for Pattern<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let span = Span::call_site();
        self.path.to_tokens(tokens);
        let mut inner = TokenStream::new();
        for field in &self.fields {
            field.member.to_tokens(&mut inner);
            append_punct(&mut inner, ':', Spacing::Alone, span);
            inner.append(super::binding(field));
            append_punct(&mut inner, ',', Spacing::Alone, span);
        }
        append_punct(&mut inner, '.', Spacing::Joint, span);
        append_punct(&mut inner, '.', Spacing::Alone, span);
        tokens.append(Group::new(Delimiter::Brace, inner));
    }
}

/// `__display(__field_x)`, spanned at the field's type so that a missing
/// `Display` is reported on the field. The function body that holds it
/// starts with [`display_import`].
pub(super) struct DisplayArg<'f>(pub &'f Field<'f>);

/// The import of `__display`, `::errcat::__private::Text`: a name of one
/// token where every interpolated field repeats it.
pub(super) fn display_import() -> TokenStream {
    quote::quote!(
        use ::errcat::__private::Text as __display;
    )
}

impl ToTokens for DisplayArg<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let span = super::field_span(self.0);
        tokens.append(Ident::new("__display", span));
        let mut group = Group::new(
            Delimiter::Parenthesis,
            super::use_of(self.0).into_token_stream(),
        );
        group.set_span(span);
        tokens.append(group);
    }
}
