//! Which field types depend on the type's generic parameters.

use proc_macro2::{Ident, TokenStream, TokenTree};
use syn::Generics;

/// The type and const parameters of the derived type: a field type naming
/// one needs bounds on the generated impls, and its catalog rows are unknown
/// until the parameter is.
pub(crate) struct TypeParams<'a> {
    names: Vec<&'a Ident>,
}

impl<'a> TypeParams<'a> {
    pub(crate) fn new(generics: &'a Generics) -> Self {
        let types = generics.type_params().map(|param| &param.ident);
        let consts = generics.const_params().map(|param| &param.ident);
        TypeParams {
            names: types.chain(consts).collect(),
        }
    }

    /// Whether the type has no type or const parameter.
    pub(crate) fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// Whether `ty` names one of the parameters anywhere inside it.
    pub(crate) fn appear_in(&self, ty: &TokenStream) -> bool {
        !self.is_empty() && self.appear_in_tokens(ty.clone())
    }

    fn appear_in_tokens(&self, tokens: TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => self.names.iter().any(|name| **name == ident),
            TokenTree::Group(group) => self.appear_in_tokens(group.stream()),
            TokenTree::Punct(_) | TokenTree::Literal(_) => false,
        })
    }
}

/// `ty` with every lifetime made `'static`, so that it can be named outside
/// the impl (catalog rows never depend on lifetimes).
pub(crate) fn with_static_lifetimes(ty: &TokenStream) -> TokenStream {
    replace_lifetimes(ty.clone())
}

fn replace_lifetimes(tokens: TokenStream) -> TokenStream {
    let mut after_quote = false;
    tokens
        .into_iter()
        .map(|token| {
            let replaced = match token {
                TokenTree::Ident(ident) if after_quote => {
                    TokenTree::Ident(Ident::new("static", ident.span()))
                }
                TokenTree::Group(group) => {
                    let mut replaced = proc_macro2::Group::new(
                        group.delimiter(),
                        replace_lifetimes(group.stream()),
                    );
                    replaced.set_span(group.span());
                    TokenTree::Group(replaced)
                }
                other => other,
            };
            after_quote = matches!(&replaced, TokenTree::Punct(punct) if punct.as_char() == '\'');
            replaced
        })
        .collect()
}
