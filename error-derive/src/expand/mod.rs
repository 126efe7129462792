//! Code generation from a validated model.
//!
//! The output stays small however many variants there are: catalog rows are
//! data in one static, the table is a string literal whenever the macro knows
//! every row, and each method is a single `match` whose arms call runtime
//! code.

mod api_error;
mod bounds;
mod catalog;
mod error;
mod format_args;
mod locales;
mod schema;
mod source;
mod tokens;

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::ast::{Field, Input, Variant};
use crate::generics::{Generics, TypeParams};
use crate::locales::Translations;

use self::catalog::CatalogRows;
use self::tokens::{Pattern, VariantPath};

pub(crate) fn derive(input: &Input, translations: Option<&Translations>) -> TokenStream {
    let params = TypeParams::new(input.generics);
    let catalog = CatalogRows::new(input, &params);
    let catalog_items = catalog.items(input, translations.is_some());
    let settings = api_error::settings_static(input, translations.is_some());
    let locales_static = translations.map(locales::locales_static);
    let locale_methods = locales::describe_methods(input, &catalog, translations);
    let describe = api_error::describe_impl(input, &catalog, &params, locale_methods.as_ref());
    let display = input.attrs.display.map(|display| {
        let error = error::error_impl(input, &params, display);
        let display = display_impl(input, &params);
        quote!(#display #error)
    });
    let from_code = from_code_impl(input);
    let where_clause = bounds::where_clause(input, &params);
    let integrations = integrations(input.ident, input.generics, &where_clause);
    quote! {
        #[allow(non_upper_case_globals, clippy::all, clippy::pedantic)]
        const _: () = {
            #settings
            #locales_static
            #catalog_items
            #describe
            #display
            #from_code
            #integrations
        };
    }
}

/// `from_code`, for a type whose variants are all unit variants: a client
/// turns a decoded code back into the value.
fn from_code_impl(input: &Input) -> Option<TokenStream> {
    if !input
        .variants
        .iter()
        .all(|variant| variant.fields.is_empty())
    {
        return None;
    }
    let ty = input.ident;
    let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
    let arms = input.variants.iter().map(|variant| {
        let code = input.code(variant);
        let path = variant_path(input, variant);
        quote!(#code => ::core::option::Option::Some(#path),)
    });
    Some(quote! {
        #[automatically_derived]
        impl #impl_generics #ty #ty_generics #where_clause {
            /// The error whose code is `code`, if there is one.
            #[must_use]
            pub fn from_code(code: &str) -> ::core::option::Option<Self> {
                match code {
                    #(#arms)*
                    _ => ::core::option::Option::None,
                }
            }
        }
    })
}

/// The call of the hook through which errcat's enabled integrations
/// (axum, actix-web, ...) implement their traits for the type; it expands
/// to nothing when none is enabled. The fallback for invalid input calls it
/// too.
pub(crate) fn integrations(
    ty: &Ident,
    generics: &Generics,
    where_clause: impl quote::ToTokens,
) -> TokenStream {
    let (impl_generics, ty_generics, _) = generics.split_for_impl();
    quote! {
        ::errcat::__private::integrate! { impl [#impl_generics] [#ty #ty_generics] [#where_clause] }
    }
}

fn display_impl(input: &Input, params: &TypeParams) -> TokenStream {
    let ty = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds::where_clause(input, params);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ty #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::errcat::Describe::write_message(self, __formatter)
            }
        }
    }
}

/// `Type::Variant`, or `Self` for a struct.
fn variant_path<'a>(input: &Input<'a>, variant: &Variant<'a>) -> VariantPath<'a> {
    VariantPath((!input.is_struct).then_some((input.ident, variant.ident)))
}

/// The local a field is bound to in a `match` arm; prefixed so that it can
/// shadow nothing the generated code uses.
fn binding(field: &Field) -> Ident {
    format_ident!("__field_{}", field.name())
}

/// The same local, spanned at the field's type: where it is used as a value,
/// a missing trait (`Display`, `Serialize`, `ApiError`) is reported on the
/// field rather than on the derive.
fn use_of(field: &Field) -> Ident {
    let mut binding = binding(field);
    binding.set_span(field_span(field));
    binding
}

/// Where code about `field` points: at the field's type, for errors, with
/// the derive's own hygiene, so that the locals it names resolve even when
/// the field came from another macro.
fn field_span(field: &Field) -> proc_macro2::Span {
    proc_macro2::Span::call_site().located_at(field.ty_span)
}

/// A pattern binding `fields` (each once) and ignoring the rest.
fn pattern<'f>(
    path: VariantPath<'f>,
    fields: impl IntoIterator<Item = &'f Field<'f>>,
) -> Pattern<'f> {
    let mut seen: Vec<&Field> = Vec::new();
    for field in fields {
        if !seen.iter().any(|bound| bound.member == field.member) {
            seen.push(field);
        }
    }
    Pattern { path, fields: seen }
}
