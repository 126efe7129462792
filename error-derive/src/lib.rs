//! The derive macro of [errcat](https://docs.rs/errcat): `#[derive(ApiError)]`.
//!
//! Use it through `errcat`, which re-exports it and documents every attribute;
//! the generated code refers to items of `errcat` only.
//!
//! The derive runs in three steps, one module each: `ast` builds a typed
//! model from the input (read by `syntax`, its attributes by `attr`), `valid` checks it and collects every
//! problem, and `expand` generates the code.

mod angles;
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
mod syntax;
mod template;
mod valid;

use proc_macro::TokenStream;

use crate::errors::Errors;

/// Derives `errcat::ApiError` and `errcat::Catalog`; see the `errcat` crate
/// for the `#[api(...)]` attributes.
#[proc_macro_derive(ApiError, attributes(api))]
pub fn derive_api_error(input: TokenStream) -> TokenStream {
    derive(input.into()).into()
}

/// The derive's output for the tokens of the derive input.
fn derive(input: proc_macro2::TokenStream) -> proc_macro2::TokenStream {
    let mut errors = Errors::default();
    match syntax::parse(input, &mut errors) {
        Ok(mut item) => output(&mut item, errors),
        Err(error) => error.to_compile_error(),
    }
}

/// The derive's output for `item`: its impls, or its errors and stub impls.
fn output(item: &mut syntax::Item, mut errors: Errors) -> proc_macro2::TokenStream {
    let (display, error) = {
        let model = ast::Input::from_item(item, &mut errors);
        let mut translations = None;
        if let Some(model) = &model {
            valid::check(model, &mut errors);
            translations = locales::load(model, &mut errors);
        }
        let display = model
            .as_ref()
            .is_some_and(|model| model.attrs.display.is_some());
        match (model, errors.finish()) {
            (Some(model), Ok(())) => return expand::derive(&model, translations.as_ref()),
            (None, Ok(())) => return proc_macro2::TokenStream::new(),
            (_, Err(error)) => (display, error),
        }
    };
    // The model borrowed the item; the stubs need only its name and generics.
    fallback::expand(&item.ident, &item.generics, display, &error)
}
