//! Message and details templates as `format_args!` input.

use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, TokenStreamExt};

use super::tokens::DisplayArg;
use crate::ast::{Field, Variant};
use crate::template::{Segment, Template};

/// A template as a format string and its arguments.
pub(super) struct FormatArgs<'v> {
    format: String,
    /// The fields the arguments read, in order, for the arm's pattern.
    pub fields: Vec<&'v Field<'v>>,
}

impl<'v> FormatArgs<'v> {
    pub(super) fn new(variant: &'v Variant, template: &Template) -> Self {
        let mut format = String::new();
        let mut fields = Vec::new();
        for segment in &template.segments {
            match segment {
                Segment::Text(text) if !text.contains('{') && !text.contains('}') => {
                    format.push_str(text);
                }
                Segment::Text(text) => {
                    for c in text.chars() {
                        format.push(c);
                        if c == '{' || c == '}' {
                            format.push(c);
                        }
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
                }
            }
        }
        FormatArgs { format, fields }
    }
}

/// `"format", display(field), ...`
impl ToTokens for FormatArgs<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        tokens.append(Literal::string(&self.format));
        for field in &self.fields {
            tokens.append(proc_macro2::Punct::new(',', proc_macro2::Spacing::Alone));
            DisplayArg(field).to_tokens(tokens);
        }
    }
}
