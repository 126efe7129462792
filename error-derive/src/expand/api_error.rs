//! The `Describe` impl, which makes the type an `ApiError`: one `match` per
//! method.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use super::catalog::{CatalogRows, Source};
use super::format_args::FormatArgs;
use super::{bounds, pattern, use_of, variant_path};
use crate::ast::{Field, Input, Variant};
use crate::attr::Format;
use crate::generics::TypeParams;
use crate::shared::formats::Builtin;

pub(super) fn describe_impl(
    input: &Input,
    catalog: &CatalogRows,
    params: &TypeParams,
    locale_methods: Option<&TokenStream>,
) -> TokenStream {
    let ty = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = bounds::where_clause(input, params);
    let mut entry_arms = Vec::with_capacity(input.variants.len());
    let mut message_arms = Vec::with_capacity(input.variants.len());
    let mut visit_arms = Vec::new();
    let mut fixed_arms = Vec::new();
    for (variant, source) in input.variants.iter().zip(&catalog.sources) {
        let path = variant_path(input, variant);
        match source {
            Source::Transparent(field, _) => {
                let [entry, message, visit, fixed] = transparent_arms(&path, field);
                entry_arms.push(entry);
                message_arms.push(message);
                visit_arms.push(visit);
                fixed_arms.push(fixed);
            }
            Source::Own(row) => {
                entry_arms.push(quote!(#path { .. } => &__ROWS[#row],));
                message_arms.push(message_arm(input, variant, &path));
                visit_arms.extend(visit_arm(variant, &path));
            }
        }
    }
    let (entry_body, message_body) = if input.variants.is_empty() {
        (quote!(match *self {}), quote!(match *self {}))
    } else {
        (
            quote!(match self { #(#entry_arms)* }),
            quote!(match self { #(#message_arms)* }),
        )
    };
    let visit = (!visit_arms.is_empty()).then(|| {
        let rest = (visit_arms.len() < input.variants.len()).then(|| quote!(_ => {}));
        quote! {
            fn __visit(&self, __visitor: &mut dyn ::errcat::__private::Visitor) {
                match self { #(#visit_arms)* #rest }
            }
        }
    });
    let fixed = fixed_method(input, &fixed_arms);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::errcat::Describe for #ty #ty_generics #where_clause {
            fn describe(&self) -> &'static ::errcat::ErrorEntry {
                #entry_body
            }

            fn write_message(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #message_body
            }

            #visit
            #fixed
            #locale_methods

            fn __inspect(&self) -> ::errcat::__private::Inspect<'_> {
                use ::errcat::__private::Inspector as _;
                (&&&::errcat::__private::Probe(self)).__errcat_inspect()
            }
        }
    }
}

/// `__fixed`: the type's settings, which a transparent variant gives the
/// field's; `None` when the defaults do.
fn fixed_method(input: &Input, transparent_arms: &[TokenStream]) -> Option<TokenStream> {
    let settings = if input.has_settings() {
        quote!(&__SETTINGS)
    } else if transparent_arms.is_empty() {
        return None;
    } else {
        quote!(&::errcat::__private::TypeSettings::DEFAULT)
    };
    let body = if transparent_arms.is_empty() {
        quote!(::errcat::__private::Fixed::own(#settings))
    } else {
        let rest = (transparent_arms.len() < input.variants.len())
            .then(|| quote!(_ => ::errcat::__private::Fixed::own(__settings),));
        quote! {
            let __settings: &'static ::errcat::__private::TypeSettings = #settings;
            match self { #(#transparent_arms)* #rest }
        }
    };
    Some(quote! {
        fn __fixed(&self) -> ::errcat::__private::Fixed {
            #body
        }
    })
}

/// The `describe`, `write_message`, `__visit` and `__fixed` arms of a
/// transparent variant, each handing over to the field.
fn transparent_arms(path: &TokenStream, field: &Field) -> [TokenStream; 4] {
    let pattern = pattern(path, [field]);
    let inner = use_of(field);
    let span = super::field_span(field);
    [
        quote_spanned!(span=> #pattern => ::errcat::ApiError::entry(#inner),),
        quote_spanned!(span=> #pattern => ::errcat::Describe::write_message(#inner, __formatter),),
        quote_spanned!(span=> #pattern => ::errcat::Describe::__visit(#inner, __visitor),),
        quote_spanned!(span=> #pattern => ::errcat::Describe::__fixed(#inner).within(__settings),),
    ]
}

/// Writes the template, the literal message or the reason phrase.
fn message_arm(input: &Input, variant: &Variant, path: &TokenStream) -> TokenStream {
    let Some(message) = &variant.attrs.message else {
        let reason = variant.catalog_message(input.status(variant).unwrap_or_default());
        return quote!(#path { .. } => __formatter.write_str(#reason),);
    };
    if let Some(text) = message.template.as_literal() {
        return quote!(#path { .. } => __formatter.write_str(#text),);
    }
    let args = FormatArgs::new(variant, &message.template);
    let pattern = pattern(path, args.fields.iter().copied());
    quote!(#pattern => ::core::write!(__formatter, #args),)
}

/// Shows the visitor the details template, then each exposed, details and
/// header field in declaration order; `None` when there is nothing to show.
fn visit_arm(variant: &Variant, path: &TokenStream) -> Option<TokenStream> {
    let details = variant
        .attrs
        .details
        .as_ref()
        .map(|details| FormatArgs::new(variant, &details.template));
    let mut calls: Vec<TokenStream> = details
        .iter()
        .map(|args| quote!(__visitor.details_text(::core::format_args!(#args));))
        .collect();
    let mut bound = details.map(|args| args.fields).unwrap_or_default();
    for field in &variant.fields {
        let value = use_of(field);
        let span = super::field_span(field);
        let attrs = &field.attrs;
        let before = calls.len();
        if let Some(name) = field.exposed_name() {
            calls.push(quote_spanned!(span=> __visitor.member(#name, ::errcat::__private::exposed(#value));));
        }
        if attrs.details.is_some() {
            calls.push(quote_spanned!(span=> __visitor.details_value(::errcat::__private::exposed(#value));));
        }
        if let Some(header) = &attrs.header {
            calls.push(quote_spanned!(span=> __visitor.header(#header, ::errcat::__private::display(#value));));
        }
        if calls.len() > before {
            bound.push(field);
        }
    }
    if calls.is_empty() {
        return None;
    }
    let pattern = pattern(path, bound);
    Some(quote!(#pattern => { #(#calls)* }))
}

/// The static holding the type's `format`, `type_base`, `challenge` and
/// translations; `None` when all are defaults. `Describe::__fixed` and
/// `Catalog::__SETTINGS` both point at it.
pub(super) fn settings_static(input: &Input, has_locales: bool) -> Option<TokenStream> {
    if !input.has_settings() {
        return None;
    }
    let attrs = &input.attrs;
    let format = match &attrs.format {
        Some(Format::Custom(path)) => quote!(Custom(&#path)),
        Some(Format::Builtin(format)) => builtin(*format),
        None => builtin(Builtin::Problem),
    };
    let type_base = optional(attrs.type_base.as_ref());
    let challenge = optional(attrs.challenge.as_ref());
    let locales = if has_locales {
        quote!(&__LOCALES)
    } else {
        quote!(&[])
    };
    Some(quote! {
        static __SETTINGS: ::errcat::__private::TypeSettings = ::errcat::__private::TypeSettings {
            format: ::errcat::__private::FormatKind::#format,
            type_base: #type_base,
            challenge: #challenge,
            locales: #locales,
        };
    })
}

fn builtin(format: Builtin) -> TokenStream {
    let variant = format_ident!("{format:?}");
    quote!(Builtin(::errcat::__private::Builtin::#variant))
}

fn optional(literal: Option<&syn::LitStr>) -> TokenStream {
    literal.map_or_else(
        || quote!(::core::option::Option::None),
        |literal| quote!(::core::option::Option::Some(#literal)),
    )
}
