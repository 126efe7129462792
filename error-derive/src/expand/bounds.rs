//! Bounds for field types that depend on the type's parameters.

use quote::quote;

use crate::ast::Input;
use crate::generics::{Clause, TypeParams};

/// The type's own where clause, plus, for each field type that depends on a
/// type parameter, the trait the generated code needs of it: `ApiError` for
/// a transparent field, `Display` for an interpolated or header field,
/// `Serialize` for an exposed or details field.
pub(super) fn where_clause<'a>(input: &'a Input, params: &TypeParams) -> Clause<'a> {
    let mut clause = input.generics.where_clause();
    // Without type or const parameters no field type needs a bound.
    if params.is_empty() {
        return clause;
    }
    for variant in &input.variants {
        if let Some(field) = variant.transparent_field() {
            if params.appear_in(field.ty) {
                let ty = field.ty;
                clause.push(quote!(#ty: ::errcat::ApiError));
            }
            continue;
        }
        let templates = [&variant.attrs.message, &variant.attrs.details];
        let interpolated = templates
            .into_iter()
            .flatten()
            .flat_map(|template| template.template.fields())
            .filter_map(|reference| variant.placeholder_field(reference));
        let headers = variant
            .fields
            .iter()
            .filter(|field| field.attrs.header.is_some());
        for field in interpolated
            .chain(headers)
            .filter(|field| params.appear_in(field.ty))
        {
            let ty = field.ty;
            clause.push(quote!(#ty: ::core::fmt::Display));
        }
        let serialized = variant
            .fields
            .iter()
            .filter(|field| field.attrs.expose.is_some() || field.attrs.details.is_some());
        for field in serialized.filter(|field| params.appear_in(field.ty)) {
            let ty = field.ty;
            clause.push(quote!(#ty: ::errcat::__private::Serialize));
        }
    }
    clause
}
