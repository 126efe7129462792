//! The typed model of a derive input: the enum or struct, its variants and
//! fields, each with its parsed `#[api]` attributes and a reference to the
//! syntax it came from, so errors can point there.

use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, TokenStreamExt as _};
use syn::ext::IdentExt;

use crate::attr::{Attrs, FieldAttrs, TypeAttrs, VariantAttrs};
use crate::errors::Errors;
use crate::generics::Generics;
use crate::syntax::{Body, FieldSyntax, FieldsSyntax, Item, VariantSyntax};

pub(crate) struct Input<'a> {
    pub ident: &'a Ident,
    pub generics: &'a Generics,
    pub attrs: TypeAttrs,
    pub is_struct: bool,
    /// The enum's variants; a struct is one variant named after the type.
    pub variants: Vec<Variant<'a>>,
}

pub(crate) struct Variant<'a> {
    pub ident: &'a Ident,
    pub attrs: VariantAttrs,
    /// Variant-level keys given, for the "transparent takes no other key" check.
    pub keys: Vec<(&'static str, Span)>,
    pub fields: Vec<Field<'a>>,
    pub is_tuple: bool,
    pub description: String,
}

/// How code names a field: `name`, or `0` in a tuple.
#[derive(PartialEq)]
pub(crate) enum Member {
    Named(Ident),
    Unnamed(usize),
}

impl ToTokens for Member {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        match self {
            Member::Named(ident) => tokens.append(ident.clone()),
            Member::Unnamed(index) => tokens.append(Literal::usize_unsuffixed(*index)),
        }
    }
}

pub(crate) struct Field<'a> {
    pub member: Member,
    /// The type's tokens, as written.
    pub ty: &'a TokenStream,
    /// Where errors about the type point, measured once: a type's span
    /// joins the spans of all its tokens.
    pub ty_span: Span,
    pub attrs: FieldAttrs,
}

impl<'a> Input<'a> {
    /// Builds the model from the parsed input, taking its attributes;
    /// `None` for a union, which has no model (its error is reported).
    pub(crate) fn from_item(item: &'a mut Item, errors: &mut Errors) -> Option<Self> {
        let Item {
            ident,
            generics,
            attrs,
            description,
            body,
        } = item;
        let ident: &'a Ident = ident;
        let attrs = std::mem::take(attrs);
        let is_struct = matches!(body, Body::Struct(_));
        let (attrs, variants) = match body {
            Body::Enum(variants) => {
                let variants = variants
                    .iter_mut()
                    .map(|variant| {
                        let VariantSyntax {
                            ident,
                            attrs,
                            description,
                            fields,
                        } = variant;
                        Variant::new(
                            ident,
                            std::mem::take(attrs),
                            fields,
                            std::mem::take(description),
                        )
                    })
                    .collect();
                (attrs.ty, variants)
            }
            Body::Struct(fields) => {
                let mut attrs = attrs;
                let ty = std::mem::take(&mut attrs.ty);
                let description = std::mem::take(description);
                (ty, vec![Variant::new(ident, attrs, fields, description)])
            }
            Body::Union(span) => {
                errors.at(
                    *span,
                    "ApiError cannot be derived for a union; use an enum or a struct",
                );
                return None;
            }
        };
        Some(Input {
            ident,
            generics,
            attrs,
            is_struct,
            variants,
        })
    }
}

impl<'a> Variant<'a> {
    fn new(
        ident: &'a Ident,
        attrs: Attrs,
        fields: &'a mut FieldsSyntax,
        description: String,
    ) -> Self {
        let is_tuple = fields.is_tuple;
        let fields = fields
            .fields
            .iter_mut()
            .map(|field| {
                let FieldSyntax {
                    member,
                    ty,
                    ty_span,
                    attrs,
                } = field;
                Field {
                    // Taken like the attributes: the syntax is done with.
                    member: std::mem::replace(member, Member::Unnamed(0)),
                    ty,
                    ty_span: *ty_span,
                    attrs: std::mem::take(attrs).field,
                }
            })
            .collect();
        Variant {
            ident,
            attrs: attrs.variant,
            keys: attrs.variant_keys,
            fields,
            is_tuple,
            description,
        }
    }
}

impl Field<'_> {
    /// The field's name as written in Rust, without `r#`, or its index.
    pub(crate) fn name(&self) -> String {
        match &self.member {
            Member::Named(ident) => ident.unraw().to_string(),
            Member::Unnamed(index) => index.to_string(),
        }
    }
}
