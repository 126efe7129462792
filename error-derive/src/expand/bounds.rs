//! Bounds for field types that depend on the type's parameters.

use syn::{WhereClause, WherePredicate};

use crate::ast::Input;
use crate::generics::TypeParams;

/// The type's own where clause, plus, for each field type that depends on a
/// type parameter, the trait the generated code needs of it: `ApiError` for
/// a transparent field, `Display` for an interpolated or header field,
/// `Serialize` for an exposed or details field.
pub(super) fn where_clause(input: &Input, params: &TypeParams) -> Option<WhereClause> {
    let mut clause = input.generics.where_clause.clone();
    // Without type or const parameters no field type needs a bound.
    if params.is_empty() {
        return clause;
    }
    let mut bounds: Vec<WherePredicate> = Vec::new();
    for variant in &input.variants {
        if let Some(field) = variant.transparent_field() {
            if params.appear_in(field.ty) {
                let ty = field.ty;
                bounds.push(syn::parse_quote!(#ty: ::errcat::ApiError));
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
            bounds.push(syn::parse_quote!(#ty: ::core::fmt::Display));
        }
        let serialized = variant
            .fields
            .iter()
            .filter(|field| field.attrs.expose.is_some() || field.attrs.details.is_some());
        for field in serialized.filter(|field| params.appear_in(field.ty)) {
            let ty = field.ty;
            bounds.push(syn::parse_quote!(#ty: ::errcat::__private::Serialize));
        }
    }
    if !bounds.is_empty() {
        clause
            .get_or_insert_with(|| syn::parse_quote!(where))
            .predicates
            .extend(bounds);
    }
    clause
}
