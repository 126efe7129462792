//! The `Catalog` impl: rows as data in one static, and the table as a string
//! literal whenever the macro knows every row.

use proc_macro2::TokenStream;
use quote::quote;

use crate::ast::{Field, Input};
use crate::generics::{TypeParams, with_static_lifetimes};
use crate::markdown::{self, Row};

/// The rows of the type's own variants, and where the rows of its
/// transparent variants' types go.
pub(super) struct Catalog<'a> {
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
    /// Whether `message` is the public message itself.
    literal: bool,
    description: &'a str,
}

impl<'a> Catalog<'a> {
    pub(super) fn new(input: &'a Input, params: &TypeParams) -> Self {
        let mut catalog = Catalog {
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
            catalog.sources.push(Source::Own(catalog.own.len()));
            catalog.own.push(OwnRow {
                name: variant.name(),
                status,
                code: input.code(variant),
                message: variant.catalog_message(status),
                literal: variant.message_is_literal(),
                description: &variant.description,
            });
        }
        catalog
    }

    pub(super) fn items(&self, input: &Input) -> TokenStream {
        let ty = input.ident;
        let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
        let count = self.own.len();
        let rows = self.own.iter().map(|row| {
            let OwnRow {
                name,
                status,
                code,
                message,
                literal,
                description,
            } = row;
            quote!(::errcat::__private::entry(#name, #status, #code, #message, #description, #literal))
        });
        let (entries, table) = if self.fetched.is_empty() {
            (quote!(&__ROWS), self.markdown_literal())
        } else {
            (
                quote!(&__ALL),
                quote!(::errcat::__private::utf8(&__MARKDOWN)),
            )
        };
        let merged = (!self.fetched.is_empty()).then(|| self.merged_items());
        // A const first, so that const evaluation reads rows from consts
        // only: reading statics there crashes clippy's const lints.
        quote! {
            const __OWN: [::errcat::ErrorEntry; #count] = [#(#rows),*];
            static __ROWS: [::errcat::ErrorEntry; #count] = __OWN;
            #merged
            #[automatically_derived]
            impl #impl_generics ::errcat::Catalog for #ty #ty_generics #where_clause {
                const ENTRIES: &'static [::errcat::ErrorEntry] = #entries;
                const MARKDOWN: &'static str = #table;
            }
        }
    }

    fn markdown_literal(&self) -> TokenStream {
        let rows: Vec<Row> = self
            .own
            .iter()
            .map(|row| Row {
                status: row.status,
                code: &row.code,
                message: &row.message,
                description: row.description,
            })
            .collect();
        let table = markdown::table(&rows);
        quote!(#table)
    }

    /// The catalog of a type with transparent variants: its own rows and its
    /// fields' types' rows joined in declaration order by const evaluation,
    /// and the table rendered from them the same way.
    fn merged_items(&self) -> TokenStream {
        let own = self.own.len();
        let fetched = &self.fetched;
        let parts = self.sources.iter().filter_map(|source| match source {
            Source::Own(index) => Some(quote!(::core::slice::from_ref(&__OWN[#index]))),
            Source::Transparent(_, Some(index)) => {
                let ty = &fetched[*index];
                Some(quote!(<#ty as ::errcat::Catalog>::ENTRIES))
            }
            Source::Transparent(_, None) => None,
        });
        quote! {
            const __LEN: usize = #own #(+ <#fetched as ::errcat::Catalog>::ENTRIES.len())*;
            const __ALL: [::errcat::ErrorEntry; __LEN] = ::errcat::__private::concat_entries(&[#(#parts),*]);
            const __MARKDOWN_LEN: usize = ::errcat::__private::markdown_len(&__ALL);
            const __MARKDOWN: [u8; __MARKDOWN_LEN] = ::errcat::__private::markdown_bytes(&__ALL);
        }
    }
}
