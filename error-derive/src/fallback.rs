//! What the derive emits for invalid input: the errors, plus stub impls so
//! that code using the type reports no follow-on "trait not implemented"
//! errors that would bury the real ones.

use proc_macro2::{Ident, TokenStream};
use quote::quote;

use crate::errors::Failure;
use crate::generics::Generics;

pub(crate) fn expand(
    ty: &Ident,
    generics: &Generics,
    display: bool,
    error: &Failure,
) -> TokenStream {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    let errors = error.to_compile_error();
    let integrations = crate::expand::integrations(ty, generics, &where_clause);
    // A bound naming no parameter is an error when it does not hold, but
    // not under `for<'a>`: the stub asks for `Debug` without a new error.
    let mut error_clause = generics.where_clause();
    error_clause.push(quote!(for<'a> #ty #ty_generics: ::core::fmt::Debug));
    let display = display.then(|| {
        quote! {
            #[automatically_derived]
            impl #impl_generics ::core::fmt::Display for #ty #ty_generics #where_clause {
                fn fmt(&self, _: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    ::core::unreachable!()
                }
            }
            #[automatically_derived]
            impl #impl_generics ::core::error::Error for #ty #ty_generics #error_clause {}
        }
    });
    quote! {
        #errors
        #[allow(clippy::all, clippy::pedantic)]
        const _: () = {
            #[automatically_derived]
            impl #impl_generics ::errcat::Describe for #ty #ty_generics #where_clause {
                fn describe(&self) -> &'static ::errcat::ErrorEntry {
                    ::core::unreachable!()
                }
            }
            #[automatically_derived]
            impl #impl_generics ::errcat::Catalog for #ty #ty_generics #where_clause {
                const ENTRIES: &'static [::errcat::ErrorEntry] = &[];
                const MARKDOWN: &'static str = "";
            }
            #display
            #integrations
        };
    }
}
