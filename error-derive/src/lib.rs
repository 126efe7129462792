//! The derive macro of [errcat](https://docs.rs/errcat): `#[derive(ApiError)]`.
//!
//! Use it through `errcat`, which re-exports it and documents every attribute;
//! the generated code refers to items of `errcat` only.
//!
//! The derive runs in three steps, one module each: `ast` parses the input
//! (with `attr`) into a typed model, `valid` checks it and collects every
//! problem, and `expand` generates the code.

mod ast;
mod attr;
mod body;
mod case;
mod doc;
mod errors;
mod expand;
mod fallback;
mod generics;
mod locales;
mod markdown;
mod prop;
mod shared;
mod status;
mod suggest;
mod template;
mod valid;

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

use crate::errors::Errors;

/// Derives `errcat::ApiError` and `errcat::Catalog`; see the `errcat` crate
/// for the `#[api(...)]` attributes.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    output(&input).into()
}

/// The derive's output for `input`: its impls, or its errors and stub impls.
fn output(input: &DeriveInput) -> proc_macro2::TokenStream {
    let mut errors = Errors::default();
    let model = ast::Input::from_syn(input, &mut errors);
    let mut translations = None;
    if let Some(model) = &model {
        valid::check(model, &mut errors);
        translations = locales::load(model, &mut errors);
    }
    let display = model
        .as_ref()
        .is_some_and(|model| model.attrs.display.is_some());
    match (model, errors.finish()) {
        (Some(model), Ok(())) => expand::derive(&model, translations.as_ref()),
        (_, Err(error)) => fallback::expand(input, display, &error),
        (None, Ok(())) => proc_macro2::TokenStream::new(),
    }
}
