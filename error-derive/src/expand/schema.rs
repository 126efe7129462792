//! `Catalog::__schema`: each code's exposed members and details value, with
//! the schema of their type picked by the probe (the names of header fields
//! are in the rows); a transparent
//! variant forwards to its field's type.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::catalog::{CatalogRows, Source};
use crate::ast::Input;

/// `None` when no variant exposes a member, has details or is transparent
/// to a known type: the trait's default shows nothing.
pub(super) fn schema_fn(input: &Input, catalog: &CatalogRows) -> Option<TokenStream> {
    let mut calls = Vec::new();
    for (variant, source) in input.variants.iter().zip(&catalog.sources) {
        match source {
            Source::Own(_) => {
                let code = input.code(variant);
                if variant.attrs.details.is_some() {
                    calls.push(quote! {
                        __visitor.details(#code, (&&::errcat::__private::SchemaProbe::<::core::primitive::str>::NEW).__errcat_schema());
                    });
                }
                for field in &variant.fields {
                    let ty = field.ty;
                    if let Some(name) = field.exposed_name() {
                        calls.push(quote_spanned! {field.ty_span=>
                            __visitor.member(#code, #name, (&&::errcat::__private::SchemaProbe::<#ty>::NEW).__errcat_schema());
                        });
                    }
                    if field.attrs.details.is_some() {
                        calls.push(quote_spanned! {field.ty_span=>
                            __visitor.details(#code, (&&::errcat::__private::SchemaProbe::<#ty>::NEW).__errcat_schema());
                        });
                    }
                }
            }
            Source::Transparent(field, Some(_)) => {
                let ty = field.ty;
                calls.push(quote!(<#ty as ::errcat::Catalog>::__schema(__visitor);));
            }
            Source::Transparent(_, None) => {}
        }
    }
    if calls.is_empty() {
        return None;
    }
    Some(quote! {
        fn __schema(__visitor: &mut dyn ::errcat::__private::SchemaVisitor) {
            use ::errcat::__private::SchemaOf as _;
            #(#calls)*
        }
    })
}
