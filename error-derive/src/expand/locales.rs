//! The translations of a type with `#[api(locales = "...")]`: the Fluent
//! source of each locale in one static, and the `Describe` methods through
//! which the runtime formats them.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::catalog::{CatalogRows, Source};
use super::{field_span, pattern, use_of, variant_path};
use crate::ast::Input;
use crate::locales::Translations;

/// `__LOCALES`: each locale's tag and Fluent source. The source is the file
/// itself, included by absolute path, so that cargo rebuilds the crate when
/// a translation changes.
pub(super) fn locales_static(translations: &Translations) -> TokenStream {
    let count = translations.files.len();
    let locales = translations.files.iter().map(|file| {
        let tag = &file.tag;
        let path = &file.path;
        quote! {
            ::errcat::__private::Locale {
                tag: #tag,
                source: ::core::include_str!(#path),
            }
        }
    });
    quote! {
        static __LOCALES: [::errcat::__private::Locale; #count] = [#(#locales),*];
    }
}

/// `__arguments`; `None` for a type with neither translations nor a
/// transparent variant, which keeps the default. (The translations
/// themselves are in the type's settings.)
pub(super) fn describe_methods(
    input: &Input,
    catalog: &CatalogRows,
    translations: Option<&Translations>,
) -> Option<TokenStream> {
    let transparent = catalog
        .sources
        .iter()
        .any(|source| matches!(source, Source::Transparent(..)));
    if translations.is_none() && !transparent {
        return None;
    }
    let mut argument_arms = Vec::new();
    for (index, (variant, source)) in input.variants.iter().zip(&catalog.sources).enumerate() {
        let path = variant_path(input, variant);
        match source {
            Source::Transparent(field, _) => {
                let pattern = pattern(path, [*field]);
                let inner = use_of(field);
                let span = field_span(field);
                argument_arms.push(quote_spanned!(span=> #pattern => ::errcat::Describe::__arguments(#inner, __arguments),));
            }
            Source::Own(_) => {
                let names = translations.map_or(&[][..], |translations| {
                    translations.arguments[index].as_slice()
                });
                let fields: Vec<_> = names
                    .iter()
                    .filter_map(|name| variant.fields.iter().find(|field| field.name() == *name))
                    .collect();
                if fields.is_empty() {
                    continue;
                }
                let pattern = pattern(path, fields.iter().copied());
                let calls = fields.iter().map(|field| {
                    let name = field.name();
                    let value = use_of(field);
                    let span = field_span(field);
                    quote_spanned! {span=>
                        (&&::errcat::__private::Argument(#value)).__errcat_argument(__arguments, #name);
                    }
                });
                argument_arms.push(quote!(#pattern => { #(#calls)* }));
            }
        }
    }
    if argument_arms.is_empty() {
        return None;
    }
    let rest = (argument_arms.len() < input.variants.len()).then(|| quote!(_ => {}));
    Some(quote! {
        fn __arguments(&self, __arguments: &mut dyn ::errcat::__private::LocaleArguments) {
            use ::errcat::__private::{NumberArgument as _, TextArgument as _};
            match self { #(#argument_arms)* #rest }
        }
    })
}
