//! The `std::error::Error` impl of a `display` type: `source()` is the
//! `#[api(source)]` field's, or, for a transparent variant, the source of the
//! wrapped error.

use proc_macro2::{Delimiter, Spacing, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};

use super::tokens::VariantPath;
use super::{binding, bounds, pattern, use_of, variant_path};
use crate::angles::{Angles, is_punct};
use crate::ast::{Field, Input};
use crate::generics::TypeParams;
use crate::syntax::joined_span;

/// `display` is the span of the key, where a missing `Debug` is reported.
pub(super) fn error_impl(input: &Input, params: &TypeParams, display: Span) -> TokenStream {
    let ty = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let mut predicates = Vec::new();
    if input.generics.has_type_params() {
        // A derived `Debug` of a generic type has bounds of its own.
        predicates.push(quote!(Self: ::core::fmt::Debug));
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
        let (source_ty, source_span, optional) = match option_inner(field.ty) {
            Some(inner) => {
                let span = joined_span(&inner);
                (inner.into_iter().collect(), span, true)
            }
            None => (field.ty.clone(), field.ty_span, false),
        };
        if params.appear_in(&source_ty) {
            predicates.push(quote!(#source_ty: ::core::error::Error + 'static));
        }
        arms.push(source_arm(path, field, source_span, optional));
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
fn source_arm(path: VariantPath, field: &Field, source_span: Span, optional: bool) -> TokenStream {
    let pattern = if optional {
        let member = &field.member;
        let binding = binding(field);
        quote!(#path { #member: ::core::option::Option::Some(#binding), .. })
    } else {
        pattern(path, [field]).into_token_stream()
    };
    let value = use_of(field);
    let span = Span::call_site().located_at(source_span);
    let source = quote_spanned! {span=>
        ::errcat::__private::source((&&::errcat::__private::Probe(#value)).__errcat_unbox())
    };
    quote!(#pattern => ::core::option::Option::Some(#source),)
}

/// The tokens of `E` when `ty` is written `Option<E>` (or `std::option::Option<E>`, any
/// path ending in `Option`), `E` one type: no lifetime, const or binding.
fn option_inner(ty: &TokenStream) -> Option<Vec<TokenTree>> {
    let tokens: Vec<TokenTree> = ty.clone().into_iter().collect();
    let open = tokens.iter().position(|token| is_punct(token, '<'))?;
    let (path, arguments) = tokens.split_at(open);
    if !is_option_path(path) {
        return None;
    }
    let mut angles = Angles::default();
    angles.step(&arguments[0]);
    let close = arguments
        .iter()
        .skip(1)
        .position(|token| angles.step(token) == 0 && is_punct(token, '>'))?;
    let inner = &arguments[1..=close];
    if close + 2 != arguments.len() || !is_one_type(inner) {
        return None;
    }
    Some(inner.to_vec())
}

/// Whether `path` is `Option`, or `a::b::Option` with or without a leading
/// `::`: identifiers joined by `::`, no generic arguments before the last
/// (whose own may follow a `::`).
fn is_option_path(path: &[TokenTree]) -> bool {
    let path = if starts_with_colon2(path) {
        &path[2..]
    } else {
        path
    };
    let path = match path {
        [rest @ .., colon, colon2] if is_punct(colon, ':') && is_punct(colon2, ':') => rest,
        _ => path,
    };
    let Some((TokenTree::Ident(last), qualifier)) = path.split_last() else {
        return false;
    };
    last == "Option"
        && qualifier.chunks(3).all(|segment| {
            matches!(segment, [TokenTree::Ident(_), rest @ ..] if starts_with_colon2(rest))
        })
}

fn starts_with_colon2(tokens: &[TokenTree]) -> bool {
    matches!(tokens, [colon, colon2, ..] if is_punct(colon, ':') && is_punct(colon2, ':'))
}

/// Whether the tokens of a generic argument are one type, rather than a
/// lifetime, a const (a literal, a block, a negative number), a binding
/// (`Item = T`) or a constraint (`Item: Trait`), or several arguments.
fn is_one_type(argument: &[TokenTree]) -> bool {
    let mut angles = Angles::default();
    let several = argument
        .iter()
        .any(|token| angles.step(token) == 0 && is_punct(token, ','));
    let typed = match argument {
        [] | [TokenTree::Literal(_), ..] => false,
        [TokenTree::Punct(punct), ..] if matches!(punct.as_char(), '\'' | '-') => false,
        [TokenTree::Group(group), ..] => group.delimiter() != Delimiter::Brace,
        [TokenTree::Ident(_), TokenTree::Punct(punct), ..] => match punct.as_char() {
            '=' => false,
            ':' => punct.spacing() == Spacing::Joint,
            _ => true,
        },
        _ => true,
    };
    typed && !several
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::option_inner;

    #[test]
    fn option_inner_is_the_one_type_of_an_option_path() {
        let inner = |ty: proc_macro2::TokenStream| {
            option_inner(&ty).map(|t| {
                t.into_iter()
                    .collect::<proc_macro2::TokenStream>()
                    .to_string()
            })
        };
        for ty in [
            quote!(Option<Box<dyn Fn() -> E>>),
            quote!(::core::option::Option<Box<dyn Fn() -> E>>),
            quote!(std::option::Option::<Box<dyn Fn() -> E>>),
        ] {
            assert_eq!(inner(ty), Some(quote!(Box<dyn Fn() -> E>).to_string()));
        }
        for ty in [
            quote!(Option<'a>),
            quote!(Option<3>),
            quote!(Option<{ N }>),
            quote!(Option<Item = E>),
            quote!(Option<E: Error>),
            quote!(Option<A, B>),
            quote!(Option<E>::Assoc),
            quote!(<T as X>::Option<E>),
            quote!(Vec<Option<E>>),
            quote!(a<T>::Option<E>),
            quote!(Option),
        ] {
            assert_eq!(inner(ty.clone()), None, "{ty}");
        }
    }
}
