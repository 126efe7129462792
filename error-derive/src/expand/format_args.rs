//! Message and details templates as `format_args!` input.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::use_of;
use crate::ast::{Field, Variant};
use crate::template::{Segment, Template};

/// A template as a format string and its arguments.
pub(super) struct FormatArgs<'v> {
    tokens: TokenStream,
    /// The fields the arguments read, for the arm's pattern.
    pub fields: Vec<&'v Field<'v>>,
}

impl<'v> FormatArgs<'v> {
    pub(super) fn new(variant: &'v Variant, template: &Template) -> Self {
        let mut format = String::new();
        let mut args = Vec::new();
        let mut fields = Vec::new();
        for segment in &template.segments {
            match segment {
                Segment::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
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
                    let value = use_of(field);
                    args.push(
                        quote_spanned!(super::field_span(field)=> ::errcat::__private::display(#value)),
                    );
                    fields.push(field);
                }
            }
        }
        FormatArgs {
            tokens: quote!(#format #(, #args)*),
            fields,
        }
    }
}

impl quote::ToTokens for FormatArgs<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        self.tokens.to_tokens(tokens);
    }
}
