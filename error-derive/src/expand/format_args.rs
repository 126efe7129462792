//! Message and details templates as `format_args!` input, and a message
//! template as the writes it stands for.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, TokenStreamExt, quote, quote_spanned};

use super::tokens::DisplayArg;
use crate::ast::{Field, Variant};
use crate::template::{Segment, Template};

/// A template as a format string and its arguments.
pub(super) struct FormatArgs<'v> {
    format: String,
    /// The fields the arguments read, in order, for the arm's pattern.
    pub fields: Vec<&'v Field<'v>>,
    /// The same template as text and fields, adjacent text joined.
    pieces: Vec<Piece<'v>>,
}

enum Piece<'v> {
    Text(String),
    /// A field and its spec (`>8.2`, or empty).
    Field(&'v Field<'v>, &'v str),
}

impl<'v> FormatArgs<'v> {
    pub(super) fn new(variant: &'v Variant, template: &'v Template) -> Self {
        let mut format = String::new();
        let mut fields = Vec::new();
        let mut pieces = Vec::new();
        for segment in &template.segments {
            match segment {
                Segment::Text(text) => {
                    for c in text.chars() {
                        format.push(c);
                        if c == '{' || c == '}' {
                            format.push(c);
                        }
                    }
                    match pieces.last_mut() {
                        Some(Piece::Text(last)) => last.push_str(text),
                        _ => pieces.push(Piece::Text(text.clone())),
                    }
                }
                Segment::Field { field, spec } => {
                    let Some(field) = variant.placeholder_field(field) else {
                        continue;
                    };
                    format.push('{');
                    if !spec.is_empty() {
                        format.push(':');
                        format.push_str(spec);
                    }
                    format.push('}');
                    fields.push(field);
                    pieces.push(Piece::Field(field, spec));
                }
            }
        }
        FormatArgs {
            format,
            fields,
            pieces,
        }
    }

    /// The statements writing the template into `__formatter`, which has
    /// the default options: each text a `write_str`, each field without a
    /// spec its `Display::fmt` called directly, sparing `format_args!`'s
    /// walk of its pieces.
    pub(super) fn writes(&self) -> TokenStream {
        let mut tokens = TokenStream::new();
        for piece in &self.pieces {
            tokens.extend(match piece {
                Piece::Text(text) => quote!(__formatter.write_str(#text)?;),
                // Spanned at the field, as `display`'s bound is, so that
                // the compiler takes a missing `Display` for the error it
                // reported there.
                Piece::Field(field, "") => {
                    let span = super::field_span(field);
                    let arg = DisplayArg(field);
                    quote_spanned!(span=> ::core::fmt::Display::fmt(&#arg, __formatter)?;)
                }
                Piece::Field(field, spec) => {
                    let format = format!("{{:{spec}}}");
                    let arg = DynArg(field);
                    quote!(__formatter.write_fmt(::core::format_args!(#format, #arg))?;)
                }
            });
        }
        tokens
    }
}

/// `"format", &display(field) as &dyn Display, ...`: inside `format_args!`
/// each field is a trait object, whose `Display` was asked for where the
/// field is named, so that a field lacking `Display` is reported once.
impl ToTokens for FormatArgs<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.append(Literal::string(&self.format));
        for field in &self.fields {
            tokens.append(proc_macro2::Punct::new(',', proc_macro2::Spacing::Alone));
            DynArg(field).to_tokens(tokens);
        }
    }
}

/// `&__display(field) as &dyn Display`, spanned at the field.
struct DynArg<'f>(&'f Field<'f>);

impl ToTokens for DynArg<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        let span = super::field_span(self.0);
        let arg = DisplayArg(self.0);
        tokens.extend(quote_spanned!(span=> &#arg as &dyn ::core::fmt::Display));
    }
}
