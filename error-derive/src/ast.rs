//! The typed model of a derive input: the enum or struct, its variants and
//! fields, each with its parsed `#[api]` attributes and a reference to the
//! syntax it came from, so errors can point there.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, Generics, Ident, Member, Type};

use crate::attr::{self, Attrs, FieldAttrs, Position, TypeAttrs, VariantAttrs};
use crate::doc;
use crate::errors::Errors;

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

pub(crate) struct Field<'a> {
    pub member: Member,
    pub ty: &'a Type,
    /// Where errors about the type point, measured once: a type's span
    /// joins the spans of all its tokens.
    pub ty_span: Span,
    pub attrs: FieldAttrs,
}

impl<'a> Input<'a> {
    /// Builds the model, reporting attribute errors as it goes; `None` only for
    /// a union, which has no model.
    pub(crate) fn from_syn(input: &'a DeriveInput, errors: &mut Errors) -> Option<Self> {
        let (attrs, variants) = match &input.data {
            Data::Enum(data) => {
                let attrs = attr::parse(&input.attrs, Position::Enum, errors);
                let variants = data
                    .variants
                    .iter()
                    .map(|variant| {
                        let attrs = attr::parse(&variant.attrs, Position::Variant, errors);
                        Variant::new(
                            &variant.ident,
                            attrs,
                            &variant.fields,
                            &variant.attrs,
                            errors,
                        )
                    })
                    .collect();
                (attrs.ty, variants)
            }
            Data::Struct(data) => {
                let mut attrs = attr::parse(&input.attrs, Position::Struct, errors);
                let ty = std::mem::take(&mut attrs.ty);
                let variant = Variant::new(&input.ident, attrs, &data.fields, &input.attrs, errors);
                (ty, vec![variant])
            }
            Data::Union(data) => {
                errors.at(
                    data.union_token.span,
                    "ApiError cannot be derived for a union; use an enum or a struct",
                );
                return None;
            }
        };
        Some(Input {
            ident: &input.ident,
            generics: &input.generics,
            attrs,
            is_struct: matches!(input.data, Data::Struct(_)),
            variants,
        })
    }
}

impl<'a> Variant<'a> {
    fn new(
        ident: &'a Ident,
        attrs: Attrs,
        fields: &'a Fields,
        docs: &[syn::Attribute],
        errors: &mut Errors,
    ) -> Self {
        let is_tuple = matches!(fields, Fields::Unnamed(_));
        let fields = fields
            .iter()
            .enumerate()
            .map(|(index, field)| Field {
                member: field
                    .ident
                    .clone()
                    .map_or_else(|| Member::from(index), Member::Named),
                ty: &field.ty,
                ty_span: field.ty.span(),
                attrs: attr::parse(&field.attrs, Position::Field, errors).field,
            })
            .collect();
        Variant {
            ident,
            attrs: attrs.variant,
            keys: attrs.variant_keys,
            fields,
            is_tuple,
            description: doc::description(docs),
        }
    }
}

impl Field<'_> {
    /// The field's name as written in Rust, without `r#`, or its index.
    pub(crate) fn name(&self) -> String {
        match &self.member {
            Member::Named(ident) => ident.unraw().to_string(),
            Member::Unnamed(index) => index.index.to_string(),
        }
    }
}
