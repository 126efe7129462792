//! Code generation from a validated model.
//!
//! The output stays small however many variants there are: catalog rows are
//! data in one static, the table is a string literal whenever the macro knows
//! every row, and each method is a single `match` whose arms call runtime code.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};
use syn::WherePredicate;
use syn::spanned::Spanned;

use crate::ast::{Field, Input, Variant};
use crate::generics::TypeParams;
use crate::markdown::{self, Row};
use crate::template::{FieldRef, Segment, Template};

pub(crate) fn derive(input: &Input) -> TokenStream {
    let params = TypeParams::new(input.generics);
    let catalog = Catalog::new(input, &params);
    let catalog_items = catalog.items(input);
    let api_error = api_error_impl(input, &catalog, &params);
    let display = input.attrs.display.map(|_| display_impl(input, &params));
    quote! {
        #[allow(non_upper_case_globals, clippy::all, clippy::pedantic)]
        const _: () = {
            #catalog_items
            #api_error
            #display
        };
    }
}

/// The rows of the type's own variants, and where the rows of its
/// transparent variants' types go.
struct Catalog<'a> {
    own: Vec<OwnRow<'a>>,
    /// Where each variant's rows come from, in declaration order.
    sources: Vec<Source<'a>>,
    /// Transparent field types whose rows const evaluation must fetch.
    fetched: Vec<&'a syn::Type>,
}

enum Source<'a> {
    /// The variant's row in `__ROWS`.
    Own(usize),
    /// A transparent variant: its field, and whether its type's rows are
    /// fetched (they are not when the type depends on a type parameter).
    Transparent(&'a Field<'a>, bool),
}

struct OwnRow<'a> {
    name: String,
    status: u16,
    code: String,
    message: String,
    description: &'a str,
}

impl<'a> Catalog<'a> {
    fn new(input: &'a Input, params: &TypeParams) -> Self {
        let mut catalog = Catalog {
            own: Vec::with_capacity(input.variants.len()),
            sources: Vec::with_capacity(input.variants.len()),
            fetched: Vec::new(),
        };
        for variant in &input.variants {
            if let Some(field) = variant.transparent_field() {
                // A field whose type depends on a type parameter has no rows
                // until the parameter is known; it contributes none.
                let fetched = !params.appear_in(field.ty);
                if fetched {
                    catalog.fetched.push(field.ty);
                }
                catalog.sources.push(Source::Transparent(field, fetched));
                continue;
            }
            let status = input.status(variant).unwrap_or_default();
            catalog.sources.push(Source::Own(catalog.own.len()));
            catalog.own.push(OwnRow {
                name: variant.ident.to_string(),
                status,
                code: input.code(variant),
                message: variant.catalog_message(status),
                description: &variant.description,
            });
        }
        catalog
    }

    fn items(&self, input: &Input) -> TokenStream {
        let ty = input.ident;
        let (impl_generics, ty_generics, where_clause) = input.generics.split_for_impl();
        let count = self.own.len();
        let rows = self.own.iter().map(|row| {
            let OwnRow {
                name,
                status,
                code,
                message,
                description,
            } = row;
            quote!(::errcat::__private::entry(#name, #status, #code, #message, #description))
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
        quote! {
            static __ROWS: [::errcat::ErrorEntry; #count] = [#(#rows),*];
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
            Source::Own(index) => Some(quote!(::core::slice::from_ref(&__ROWS[#index]))),
            Source::Transparent(field, true) => {
                let ty = field.ty;
                Some(quote!(<#ty as ::errcat::Catalog>::ENTRIES))
            }
            Source::Transparent(_, false) => None,
        });
        quote! {
            const __LEN: usize = #own #(+ <#fetched as ::errcat::Catalog>::ENTRIES.len())*;
            static __ALL: [::errcat::ErrorEntry; __LEN] = ::errcat::__private::concat_entries(&[#(#parts),*]);
            const __MARKDOWN_LEN: usize = ::errcat::__private::markdown_len(&__ALL);
            static __MARKDOWN: [u8; __MARKDOWN_LEN] = ::errcat::__private::markdown_bytes(&__ALL);
        }
    }
}

fn api_error_impl(input: &Input, catalog: &Catalog, params: &TypeParams) -> TokenStream {
    let ty = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input, params);
    let (entry_arms, message_arms): (Vec<_>, Vec<_>) = input
        .variants
        .iter()
        .zip(&catalog.sources)
        .map(|(variant, source)| arms(input, variant, source))
        .unzip();
    let (entry_body, message_body) = if input.variants.is_empty() {
        (quote!(match *self {}), quote!(match *self {}))
    } else {
        (
            quote!(match self { #(#entry_arms)* }),
            quote!(match self { #(#message_arms)* }),
        )
    };
    quote! {
        #[automatically_derived]
        impl #impl_generics ::errcat::ApiError for #ty #ty_generics #where_clause {
            fn entry(&self) -> &'static ::errcat::ErrorEntry {
                #entry_body
            }

            fn message(&self) -> ::errcat::Message<'_> {
                ::errcat::Message::new(self)
            }

            fn fmt_message(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                #message_body
            }
        }
    }
}

/// The `entry` and `fmt_message` arms of one variant.
fn arms(input: &Input, variant: &Variant, source: &Source) -> (TokenStream, TokenStream) {
    let path = variant_path(input, variant);
    let row = match source {
        Source::Own(row) => row,
        Source::Transparent(field, _) => return transparent_arms(&path, field),
    };
    let entry = quote!(#path { .. } => &__ROWS[#row],);
    let message = match &variant.attrs.message {
        None => {
            let status = input.status(variant).unwrap_or_default();
            let reason = variant.catalog_message(status);
            quote!(#path { .. } => __formatter.write_str(#reason),)
        }
        Some(message) => match message.template.as_literal() {
            Some(text) => quote!(#path { .. } => __formatter.write_str(#text),),
            None => templated_arm(variant, &path, &message.template),
        },
    };
    (entry, message)
}

fn transparent_arms(path: &TokenStream, field: &Field) -> (TokenStream, TokenStream) {
    let member = &field.member;
    let binding = binding(field);
    (
        quote!(#path { #member: #binding, .. } => ::errcat::ApiError::entry(#binding),),
        quote!(#path { #member: #binding, .. } => ::errcat::ApiError::fmt_message(#binding, __formatter),),
    )
}

fn templated_arm(variant: &Variant, path: &TokenStream, template: &Template) -> TokenStream {
    let mut format = String::new();
    let mut args = Vec::new();
    let mut bound: Vec<&Field> = Vec::new();
    for segment in &template.segments {
        match segment {
            Segment::Text(text) => format.push_str(&text.replace('{', "{{").replace('}', "}}")),
            Segment::Field { field, spec } => {
                let Some(field) = template_field(variant, field) else {
                    continue;
                };
                format.push('{');
                if !spec.is_empty() {
                    format.push(':');
                    format.push_str(spec);
                }
                format.push('}');
                let binding = binding(field);
                args.push(quote_spanned!(field.ty.span()=> #binding));
                if !bound.iter().any(|seen| seen.member == field.member) {
                    bound.push(field);
                }
            }
        }
    }
    let members = bound.iter().map(|field| &field.member);
    let bindings = bound.iter().map(|field| binding(field));
    quote!(#path { #(#members: #bindings,)* .. } => ::core::write!(__formatter, #format #(, #args)*),)
}

fn template_field<'v>(variant: &'v Variant, field: &FieldRef) -> Option<&'v Field<'v>> {
    match field {
        FieldRef::Named(name) => variant.field(name),
        FieldRef::Index(index) => variant.fields.get(*index),
    }
}

/// `Self::Variant`, or `Self` for a struct.
fn variant_path(input: &Input, variant: &Variant) -> TokenStream {
    if input.is_struct {
        quote!(Self)
    } else {
        let ident = variant.ident;
        quote!(Self::#ident)
    }
}

/// The local a field is bound to in a `match` arm; prefixed so that it can
/// shadow nothing the generated code uses.
fn binding(field: &Field) -> Ident {
    format_ident!("__field_{}", field.name())
}

/// The type's own where clause, plus bounds for field types that depend on
/// type parameters: `Display` for interpolated fields, `ApiError` for
/// transparent ones.
fn where_clause(input: &Input, params: &TypeParams) -> Option<syn::WhereClause> {
    let mut clause = input.generics.where_clause.clone();
    let mut bounds: Vec<WherePredicate> = Vec::new();
    for variant in &input.variants {
        if let Some(field) = variant.transparent_field() {
            if params.appear_in(field.ty) {
                let ty = field.ty;
                bounds.push(syn::parse_quote!(#ty: ::errcat::ApiError));
            }
            continue;
        }
        let templates = [&variant.attrs.message, &variant.attrs.details];
        for reference in templates
            .into_iter()
            .flatten()
            .flat_map(|t| t.template.fields())
        {
            let Some(field) = template_field(variant, reference) else {
                continue;
            };
            if params.appear_in(field.ty) {
                let ty = field.ty;
                bounds.push(syn::parse_quote!(#ty: ::core::fmt::Display));
            }
        }
    }
    if !bounds.is_empty() {
        clause
            .get_or_insert_with(|| syn::parse_quote!(where))
            .predicates
            .extend(bounds);
    }
    clause
}

fn display_impl(input: &Input, params: &TypeParams) -> TokenStream {
    let ty = input.ident;
    let (impl_generics, ty_generics, _) = input.generics.split_for_impl();
    let where_clause = where_clause(input, params);
    quote! {
        #[automatically_derived]
        impl #impl_generics ::core::fmt::Display for #ty #ty_generics #where_clause {
            fn fmt(&self, __formatter: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                ::errcat::ApiError::fmt_message(self, __formatter)
            }
        }
    }
}
