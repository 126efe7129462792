//! Bounds for field types that depend on the type's parameters.

use proc_macro2::TokenStream;
use quote::{ToTokens, quote};
use syn::{WhereClause, WherePredicate};

use crate::ast::Input;
use crate::generics::TypeParams;

/// A where clause: the type's own predicates, borrowed, then those the
/// generated code adds. Borrowing spares syn's `clone-impls` feature, which
/// would add a second to every clean build of errcat-derive.
pub(crate) struct Clause<'a> {
    own: Option<&'a WhereClause>,
    added: Vec<WherePredicate>,
}

impl<'a> Clause<'a> {
    pub(crate) fn own(own: Option<&'a WhereClause>) -> Self {
        Clause {
            own,
            added: Vec::new(),
        }
    }

    pub(crate) fn push(&mut self, predicate: WherePredicate) {
        self.added.push(predicate);
    }
}

impl Extend<WherePredicate> for Clause<'_> {
    fn extend<I: IntoIterator<Item = WherePredicate>>(&mut self, predicates: I) {
        self.added.extend(predicates);
    }
}

impl ToTokens for Clause<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if self.own.is_none_or(|own| own.predicates.is_empty()) && self.added.is_empty() {
            return;
        }
        let own = self.own.into_iter().flat_map(|own| own.predicates.iter());
        let added = &self.added;
        tokens.extend(quote!(where #(#own,)* #(#added,)*));
    }
}

/// The type's own where clause, plus, for each field type that depends on a
/// type parameter, the trait the generated code needs of it: `ApiError` for
/// a transparent field, `Display` for an interpolated or header field,
/// `Serialize` for an exposed or details field.
pub(super) fn where_clause<'a>(input: &'a Input, params: &TypeParams) -> Clause<'a> {
    let mut clause = Clause::own(input.generics.where_clause.as_ref());
    // Without type or const parameters no field type needs a bound.
    if params.is_empty() {
        return clause;
    }
    for variant in &input.variants {
        if let Some(field) = variant.transparent_field() {
            if params.appear_in(field.ty) {
                let ty = field.ty;
                clause.push(syn::parse_quote!(#ty: ::errcat::ApiError));
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
            clause.push(syn::parse_quote!(#ty: ::core::fmt::Display));
        }
        let serialized = variant
            .fields
            .iter()
            .filter(|field| field.attrs.expose.is_some() || field.attrs.details.is_some());
        for field in serialized.filter(|field| params.appear_in(field.ty)) {
            let ty = field.ty;
            clause.push(syn::parse_quote!(#ty: ::errcat::__private::Serialize));
        }
    }
    clause
}
