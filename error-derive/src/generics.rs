//! Which field types depend on the type's generic parameters, and so need
//! bounds on the generated impls.

use proc_macro2::{TokenStream, TokenTree};
use quote::ToTokens;
use syn::{Generics, Ident, Type};

pub(crate) struct TypeParams<'a> {
    names: Vec<&'a Ident>,
}

impl<'a> TypeParams<'a> {
    pub(crate) fn new(generics: &'a Generics) -> Self {
        TypeParams {
            names: generics.type_params().map(|param| &param.ident).collect(),
        }
    }

    /// Whether `ty` names one of the parameters anywhere inside it.
    pub(crate) fn appear_in(&self, ty: &Type) -> bool {
        !self.names.is_empty() && self.appear_in_tokens(ty.to_token_stream())
    }

    fn appear_in_tokens(&self, tokens: TokenStream) -> bool {
        tokens.into_iter().any(|token| match token {
            TokenTree::Ident(ident) => self.names.iter().any(|name| **name == ident),
            TokenTree::Group(group) => self.appear_in_tokens(group.stream()),
            TokenTree::Punct(_) | TokenTree::Literal(_) => false,
        })
    }
}
