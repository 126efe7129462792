//! The `Describe` impl, which makes the type an `ApiError`: one `match` per
//! method.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use super::catalog::{CatalogRows, Source};
use super::format_args::FormatArgs;
use super::source::SourceText;
use super::tokens::{Pattern, VariantPath, display_import};
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
    // Own rows are arms of constants, as source text, and templates are
    // `quote!` repetitions, so that the per-variant code is cheap to build
    // and to check: one index into the rows instead of a reference per arm,
    // and only the messages the row cannot give have an arm of their own.
    let mut own_arms = SourceText::with_capacity(input.variants.len() * 24);
    let mut messages = Messages::default();
    let mut transparent_entries = Vec::new();
    let mut visit_arms = Vec::new();
    // Inside the index, a transparent variant returns its field's row.
    let in_index = catalog
        .sources
        .iter()
        .any(|source| matches!(source, Source::Own(_)));
    let mut fixed_arms = Vec::new();
    for (variant, source) in input.variants.iter().zip(&catalog.sources) {
        let path = variant_path(input, variant);
        match source {
            Source::Transparent(field, _) => {
                let [entry, message, visit, fixed] = transparent_arms(path, field, in_index);
                transparent_entries.push(entry);
                messages.transparent.push(message);
                visit_arms.push(visit);
                fixed_arms.push(fixed);
            }
            Source::Own(row) => {
                path.write(&mut own_arms);
                own_arms.push("{..}=>");
                own_arms.display(row);
                own_arms.push(",");
                messages.add(path, variant);
                visit_arms.extend(visit_arm(variant, path));
            }
        }
    }
    let entry_body = if in_index {
        let own_arms = own_arms.lex();
        quote! {
            &__ROWS[match self {
                #own_arms
                #(#transparent_entries)*
            }]
        }
    } else if transparent_entries.is_empty() {
        quote!(match *self {})
    } else {
        quote!(match self { #(#transparent_entries)* })
    };
    let write_message = messages.write_message();
    let visit = (!visit_arms.is_empty()).then(|| {
        let display_import = display_import();
        let rest = (visit_arms.len() < input.variants.len()).then(|| quote!(_ => {}));
        quote! {
            fn __visit(&self, __visitor: &mut dyn ::errcat::__private::Visitor) {
                #[allow(unused_imports)]
                #display_import
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

            #write_message

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
/// transparent variant, each handing over to the field; `in_index`, the
/// `describe` arm returns from inside the index into the own rows.
fn transparent_arms(path: VariantPath, field: &Field, in_index: bool) -> [TokenStream; 4] {
    let pattern = pattern(path, [field]);
    let inner = use_of(field);
    let span = super::field_span(field);
    let ret = in_index.then(|| quote_spanned!(span=> return));
    [
        quote_spanned!(span=> #pattern => #ret ::errcat::ApiError::entry(#inner),),
        quote_spanned!(span=> #pattern => ::errcat::Describe::write_message(#inner, __formatter),),
        quote_spanned!(span=> #pattern => ::errcat::Describe::__visit(#inner, __visitor),),
        quote_spanned!(span=> #pattern => ::errcat::Describe::__fixed(#inner).within(__settings),),
    ]
}

/// The arms of `write_message`: only for the messages a row cannot give.
#[derive(Default)]
struct Messages<'v> {
    template_arms: Vec<(Pattern<'v>, FormatArgs<'v>)>,
    /// Literals that differ from the template as written (`{{`).
    text_arms: Vec<(VariantPath<'v>, String)>,
    transparent: Vec<TokenStream>,
    /// Some variant's message is its row's: the reason phrase, or a
    /// template with nothing to interpolate and no escaped brace.
    by_row: bool,
}

impl<'v> Messages<'v> {
    fn add(&mut self, path: VariantPath<'v>, variant: &'v Variant) {
        let message = variant
            .attrs
            .message
            .as_ref()
            .filter(|_| !variant.message_is_literal());
        let Some(message) = message else {
            self.by_row = true;
            return;
        };
        if let Some(text) = message.template.as_literal() {
            self.text_arms.push((path, text.to_owned()));
        } else {
            let args = FormatArgs::new(variant, &message.template);
            let pattern = pattern(path, args.fields.iter().copied());
            self.template_arms.push((pattern, args));
        }
    }

    /// `None` when every message is its row's: the trait's default writes
    /// them.
    fn write_message(self) -> Option<TokenStream> {
        if self.template_arms.is_empty() && self.text_arms.is_empty() && self.transparent.is_empty()
        {
            return None;
        }
        let display = (!self.template_arms.is_empty()).then(display_import);
        let (patterns, args): (Vec<_>, Vec<_>) = self.template_arms.into_iter().unzip();
        let (paths, texts): (Vec<_>, Vec<_>) = self.text_arms.into_iter().unzip();
        let transparent = self.transparent;
        let by_row = self.by_row.then(
            || quote!(_ => __formatter.write_str(::errcat::Describe::describe(self).message),),
        );
        Some(quote! {
            fn write_message(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #display
                match self {
                    #(#patterns => __formatter.write_fmt(::core::format_args!(#args)),)*
                    #(#paths { .. } => __formatter.write_str(#texts),)*
                    #(#transparent)*
                    #by_row
                }
            }
        })
    }
}

/// Shows the visitor the details template, then each exposed, details and
/// header field in declaration order; `None` when there is nothing to show.
fn visit_arm(variant: &Variant, path: VariantPath) -> Option<TokenStream> {
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
        let attrs = &field.attrs;
        if attrs.expose.is_none() && attrs.details.is_none() && attrs.header.is_none() {
            continue;
        }
        let value = use_of(field);
        let span = super::field_span(field);
        let before = calls.len();
        if let Some(name) = field.exposed_name() {
            calls.push(quote_spanned!(span=> __visitor.member(#name, ::errcat::__private::exposed(#value));));
        }
        if attrs.details.is_some() {
            calls.push(quote_spanned!(span=> __visitor.details_value(::errcat::__private::exposed(#value));));
        }
        if let Some(header) = &attrs.header {
            let header = header.token();
            calls.push(quote_spanned!(span=> __visitor.header(#header, &__display(#value));));
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
        |literal| {
            let literal = literal.token();
            quote!(::core::option::Option::Some(#literal))
        },
    )
}
