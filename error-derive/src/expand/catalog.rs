//! The `Catalog` impl: rows as data in one static, and the table as a string
//! literal whenever the macro knows every row.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};

use super::source::SourceText;

use crate::ast::{Field, Input};
use crate::body::Body;
use crate::generics::{TypeParams, with_static_lifetimes};
use crate::markdown::{self, TableRow};

/// The rows of the type's own variants, and where the rows of its
/// transparent variants' types go.
pub(super) struct CatalogRows<'a> {
    own: Vec<OwnRow<'a>>,
    /// Where each variant's rows come from, in declaration order.
    pub(super) sources: Vec<Source<'a>>,
    /// Transparent field types whose rows const evaluation must fetch, with
    /// `'static` lifetimes so that items outside the impl can name them.
    fetched: Vec<TokenStream>,
}

pub(super) enum Source<'a> {
    /// The variant's row in `__ROWS`.
    Own(usize),
    /// A transparent variant: its field, and the index of its type in
    /// `fetched` (none when the type depends on a type or const parameter).
    Transparent(&'a Field<'a>, Option<usize>),
}

struct OwnRow<'a> {
    name: String,
    status: u16,
    code: String,
    message: String,
    placeholders: String,
    /// Whether `message` is the public message itself.
    literal: bool,
    description: &'a str,
    template_fields: Vec<String>,
    exposed_members: Vec<String>,
    header_fields: Vec<String>,
    deprecated: Option<String>,
    body: Option<Body>,
}

/// `[__entry(...), ...]`: the rows, as source text. With a `type_base`,
/// each row holds its problem type URI, joined here rather than at each
/// body (only such types pay for the text).
fn rows_array(rows: &[OwnRow], type_base: Option<&str>) -> TokenStream {
    let mut source = SourceText::with_capacity(64 + rows.len() * 192);
    source.push("[");
    for row in rows {
        source.push("__entry(");
        source.string(&row.name);
        source.push(",");
        source.display(row.status);
        source.push("u16,");
        for text in [&row.code, &row.message, &row.placeholders] {
            source.string(text);
            source.push(",");
        }
        source.string(row.description);
        source.push(",");
        source.display(row.literal);
        source.push(",");
        for texts in [
            &row.template_fields,
            &row.exposed_members,
            &row.header_fields,
        ] {
            source.strings(texts);
            source.push(",");
        }
        // `""` for none: a literal costs rustc less than the path of `None`
        // (and a deprecation note is never empty).
        source.string(row.deprecated.as_deref().unwrap_or_default());
        source.push(",");
        // A literal row's whole body, else the text before and after the
        // message's: `""` for none, as a body's text is never empty. The
        // halves are written out, not offsets into the text, which the
        // constant evaluator would split for every row; a literal row has
        // none, which costs a translated literal message the member-by-member
        // writer, and every row of the kind a third less text.
        match &row.body {
            Some(body) if row.literal => {
                source.string(&body.text);
                source.push(",\"\",\"\"");
            }
            Some(body) => {
                source.push("\"\",");
                source.string(&body.text[..body.message.start]);
                source.push(",");
                source.string(&body.text[body.message.end..]);
            }
            None => source.push("\"\",\"\",\"\""),
        }
        source.push(")");
        if let Some(base) = type_base {
            source.push(".__with_type_uri(");
            source.string(&format!("{base}{}", row.code));
            source.push(")");
        }
        source.push(",");
    }
    source.push("]");
    source.lex()
}

impl<'a> CatalogRows<'a> {
    pub(super) fn new(input: &'a Input, params: &TypeParams) -> Self {
        let mut catalog = CatalogRows {
            own: Vec::with_capacity(input.variants.len()),
            sources: Vec::with_capacity(input.variants.len()),
            fetched: Vec::new(),
        };
        for variant in &input.variants {
            if let Some(field) = variant.transparent_field() {
                // A field whose type depends on a type or const parameter has
                // no rows until the parameter is known; it contributes none.
                let fetched = (!params.appear_in(field.ty)).then(|| {
                    catalog.fetched.push(with_static_lifetimes(field.ty));
                    catalog.fetched.len() - 1
                });
                catalog.sources.push(Source::Transparent(field, fetched));
                continue;
            }
            let status = input.status(variant).unwrap_or_default();
            let code = input.code(variant);
            let message = variant.catalog_message(status);
            let literal = variant.message_is_literal();
            let exposed_members = variant.exposed_members();
            let body = exposed_members
                .is_empty()
                .then(|| {
                    let literal = literal.then_some(message.as_str());
                    crate::body::derived_body(input, variant, status, &code, literal)
                })
                .flatten();
            // The same text twice is one literal: `""` stands for "the message".
            let placeholders = if literal {
                String::new()
            } else {
                variant.placeholder_message(status)
            };
            catalog.sources.push(Source::Own(catalog.own.len()));
            catalog.own.push(OwnRow {
                name: variant.name(),
                status,
                code,
                message,
                placeholders,
                literal,
                description: &variant.description,
                template_fields: variant.template_fields(),
                exposed_members,
                header_fields: variant.header_fields(),
                deprecated: variant.attrs.deprecated.as_ref().map(syn::LitStr::value),
                body,
            });
        }
        catalog
    }

    /// The rows, the table and the `Catalog` impl; `localized` says whether
    /// the type has translations (the static `__LOCALES`).
    pub(super) fn items(&self, input: &Input, localized: bool) -> TokenStream {
        let ty = input.ident;
        let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
        let count = self.own.len();
        // The rows are source text (`source`). Short local names, imported
        // only when used, stand for what every row repeats.
        let own = &self.own;
        let entry = (!own.is_empty()).then(|| {
            quote!(
                use ::errcat::__private::entry as __entry;
            )
        });
        let type_base = input.attrs.type_base.as_ref().map(syn::LitStr::value);
        let rows = rows_array(own, type_base.as_deref());
        let (entries, table) = if self.fetched.is_empty() {
            (quote!(&__ROWS), self.markdown_literal())
        } else {
            (
                quote!(&__ALL),
                quote!(::errcat::__private::utf8(&__MARKDOWN)),
            )
        };
        let merged = (!self.fetched.is_empty()).then(|| self.merged_items(input));
        let settings = input.has_settings().then(|| {
            quote!(
                const __SETTINGS: &'static ::errcat::__private::TypeSettings = &__SETTINGS;
            )
        });
        let schema = super::schema::schema_fn(input, self);
        let translations = self.translations(localized);
        // With rows from other types, the type's own are fewer.
        let own_entries = (!self.fetched.is_empty()).then(|| {
            quote!(
                const __OWN_ENTRIES: &'static [::errcat::ErrorEntry] = &__ROWS;
            )
        });
        // A const first, so that const evaluation reads rows from consts
        // only: reading statics there crashes clippy's const lints.
        quote! {
            #entry
            const __OWN: [::errcat::ErrorEntry; #count] = #rows;
            static __ROWS: [::errcat::ErrorEntry; #count] = __OWN;
            #merged
            #[automatically_derived]
            impl #impl_generics ::errcat::Catalog for #ty #ty_generics #where_clause {
                const ENTRIES: &'static [::errcat::ErrorEntry] = #entries;
                const MARKDOWN: &'static str = #table;
                #settings
                #schema
                #own_entries
                #translations
            }
        }
    }

    /// `__TRANSLATIONS`, for a type with translations or with rows of other
    /// types, whose translations come with them.
    fn translations(&self, localized: bool) -> Option<TokenStream> {
        if !localized && self.fetched.is_empty() {
            return None;
        }
        let own = if localized {
            quote!(&__LOCALES)
        } else {
            quote!(&[])
        };
        let fetched = &self.fetched;
        Some(quote! {
            const __TRANSLATIONS: &'static ::errcat::__private::Translations =
                &::errcat::__private::Translations {
                    own: #own,
                    inner: &[#(<#fetched as ::errcat::Catalog>::__TRANSLATIONS),*],
                };
        })
    }

    fn markdown_literal(&self) -> TokenStream {
        let rows: Vec<TableRow> = self
            .own
            .iter()
            .map(|row| TableRow {
                status: row.status,
                code: &row.code,
                message: &row.message,
                deprecated: row.deprecated.as_deref(),
                description: row.description,
            })
            .collect();
        let table = markdown::table(&rows);
        let mut source = SourceText::with_capacity(table.len() + 16);
        source.raw_string(&table);
        source.lex()
    }

    /// The catalog of a type with transparent variants: its own rows and its
    /// fields' types' rows joined in declaration order by const evaluation,
    /// checked for a repeated code and rendered the same way. The check's
    /// error points at the first transparent field.
    fn merged_items(&self, input: &Input) -> TokenStream {
        let own = self.own.len();
        let fetched = &self.fetched;
        let mut first_field = None;
        let parts = self.sources.iter().filter_map(|source| match source {
            Source::Own(index) => Some(quote!(::core::slice::from_ref(&__OWN[#index]))),
            Source::Transparent(field, Some(index)) => {
                first_field.get_or_insert(field.ty_span);
                let ty = &fetched[*index];
                Some(quote!(<#ty as ::errcat::Catalog>::ENTRIES))
            }
            Source::Transparent(_, None) => None,
        });
        let parts: Vec<TokenStream> = parts.collect();
        let type_name = input.ident.to_string();
        let check = quote_spanned! {first_field.unwrap_or_else(|| input.ident.span())=>
            const _: () = ::errcat::__private::assert_unique_codes(&__ALL, #type_name);
        };
        quote! {
            const __LEN: usize = #own #(+ <#fetched as ::errcat::Catalog>::ENTRIES.len())*;
            const __ALL: [::errcat::ErrorEntry; __LEN] = ::errcat::__private::concat_entries(&[#(#parts),*]);
            #check
            const __MARKDOWN_LEN: usize = ::errcat::__private::markdown_len(&__ALL);
            const __MARKDOWN: [u8; __MARKDOWN_LEN] = ::errcat::__private::markdown_bytes(&__ALL);
        }
    }
}
