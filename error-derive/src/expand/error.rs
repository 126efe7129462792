//! The `std::error::Error` impl of a `display` type: `source()` is the
//! `#[api(source)]` field's, or, for a transparent variant, the source of the
//! wrapped error.

use proc_macro2::{Span, TokenStream};
use quote::{ToTokens, quote, quote_spanned};
use syn::spanned::Spanned;
use syn::{GenericArgument, PathArguments, Type, WherePredicate};

use super::tokens::VariantPath;
use super::{binding, bounds, pattern, use_of, variant_path};
use crate::ast::{Field, Input};
use crate::generics::TypeParams;

/// `display` is the span of the key, where a missing `Debug` is reported.
pub(super) fn error_impl(input: &Input, params: &TypeParams, display: Span) -> TokenStream {
    let ty = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let mut predicates: Vec<WherePredicate> = Vec::new();
    if input.generics.type_params().next().is_some() {
        // A derived `Debug` of a generic type has bounds of its own.
        predicates.push(syn::parse_quote!(Self: ::core::fmt::Debug));
    }
    let mut arms = Vec::new();
    let mut partial = false;
    for variant in &input.variants {
        let path = variant_path(input, variant);
        if let Some(field) = variant.transparent_field() {
            let pattern = pattern(path, [field]);
            let inner = use_of(field);
            arms.push(quote_spanned! {super::field_span(field)=>
                #pattern => ::core::option::Option::and_then(
                    ::errcat::Describe::__inspect(#inner).error,
                    ::core::error::Error::source,
                ),
            });
            continue;
        }
        let Some(field) = variant.source_field() else {
            partial = true;
            continue;
        };
        let (source_ty, optional) = match option_inner(field.ty) {
            Some(inner) => (inner, true),
            None => (field.ty.clone(), false),
        };
        if params.appear_in(&source_ty) {
            predicates.push(syn::parse_quote!(#source_ty: ::core::error::Error + 'static));
        }
        arms.push(source_arm(path, field, &source_ty, optional));
        partial |= optional;
    }
    let source = (!arms.is_empty()).then(|| {
        let rest = partial.then(|| quote!(_ => ::core::option::Option::None,));
        quote! {
            fn source(&self) -> ::core::option::Option<&(dyn ::core::error::Error + 'static)> {
                use ::errcat::__private::Unbox as _;
                match self { #(#arms)* #rest }
            }
        }
    });
    let mut clause = bounds::where_clause(input, params);
    clause.extend(predicates);
    // A type without `Debug` is reported at `display`, the key that asks
    // for the impl.
    let mut ty = ty.clone();
    ty.set_span(display);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::error::Error for #ty #ty_generics #clause {
            #source
        }
    }
}

/// `Some(field)` as the source; a field of type `Option<E>` gives one when
/// it holds one. A boxed `dyn Error` is unboxed first, since the box is no
/// `Error` itself.
fn source_arm(
    path: VariantPath,
    field: &Field,
    source_ty: &TokenStream,
    optional: bool,
) -> TokenStream {
    let pattern = if optional {
        let member = &field.member;
        let binding = binding(field);
        quote!(#path { #member: ::core::option::Option::Some(#binding), .. })
    } else {
        pattern(path, [field]).into_token_stream()
    };
    let value = use_of(field);
    let span = proc_macro2::Span::call_site().located_at(source_ty.span());
    let source = quote_spanned! {span=>
        ::errcat::__private::source((&&::errcat::__private::Probe(#value)).__errcat_unbox())
    };
    quote!(#pattern => ::core::option::Option::Some(#source),)
}

/// `E` when `ty` is written `Option<E>`. The type is parsed here only:
/// the model keeps types as tokens.
fn option_inner(ty: &TokenStream) -> Option<TokenStream> {
    let Ok(Type::Path(path)) = syn::parse2::<Type>(ty.clone()) else {
        return None;
    };
    let segment = path.path.segments.last()?;
    if path.qself.is_some() || segment.ident != "Option" {
        return None;
    }
    let PathArguments::AngleBracketed(arguments) = &segment.arguments else {
        return None;
    };
    match arguments.args.iter().collect::<Vec<_>>().as_slice() {
        [GenericArgument::Type(inner)] => Some(inner.to_token_stream()),
        _ => None,
    }
}
