//! The derived type's generic parameters and where clause, kept as tokens:
//! the generated impls repeat them, and field types naming a parameter need
//! bounds. syn's `Generics` would bring in its `derive` feature, whose
//! parsers of types and expressions are about a second of every clean
//! build; the derive never looks inside a bound, so tokens are enough.

use proc_macro2::{Delimiter, Ident, TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::Token;
use syn::parse::ParseStream;

use crate::angles::{Angles, is_punct, split_at_commas};

/// `<...>` and `where ...` of the derived type.
#[derive(Default)]
pub(crate) struct Generics {
    params: Vec<Param>,
    /// The where clause's predicates, each without its comma.
    predicates: Vec<TokenStream>,
}

#[derive(PartialEq)]
enum Kind {
    Lifetime,
    Type,
    Const,
}

/// One parameter, split into what each printed form takes of it.
struct Param {
    kind: Kind,
    /// `'a`, `T` or `N`: the parameter as an argument.
    name: TokenStream,
    /// The identifier of the name (`a` of `'a`).
    ident: Ident,
    /// The parameter without its default: attributes, name and bounds, or
    /// a const parameter's type.
    declaration: TokenStream,
}

impl Generics {
    /// The parameters, `<...>` after the type's name, if there are any.
    pub(crate) fn parse(input: ParseStream) -> syn::Result<Self> {
        let params = input.step(|cursor| {
            let Some((open, mut rest)) = cursor.punct().filter(|(open, _)| open.as_char() == '<')
            else {
                return Ok((Vec::new(), *cursor));
            };
            let mut angles = Angles::default();
            angles.step(&TokenTree::Punct(open));
            let mut tokens = Vec::new();
            loop {
                let (token, next) = rest
                    .token_tree()
                    .ok_or_else(|| cursor.error("expected `>`"))?;
                rest = next;
                if angles.step(&token) == 0 && is_punct(&token, '>') {
                    break;
                }
                tokens.push(token);
            }
            let params = split_at_commas(tokens).into_iter().map(Param::new);
            let params = params.collect::<Option<Vec<_>>>();
            Ok((
                params.ok_or_else(|| cursor.error("expected generic parameters"))?,
                rest,
            ))
        })?;
        Ok(Generics {
            params,
            predicates: Vec::new(),
        })
    }

    /// The where clause, if one comes next: its predicates run to the body
    /// (a brace group) or to the `;` of a tuple or unit struct.
    pub(crate) fn parse_where(&mut self, input: ParseStream) -> syn::Result<()> {
        if !input.peek(Token![where]) {
            return Ok(());
        }
        input.parse::<Token![where]>()?;
        let tokens = input.step(|cursor| {
            let mut rest = *cursor;
            let mut tokens = Vec::new();
            let mut angles = Angles::default();
            while let Some((token, next)) = rest.token_tree() {
                let at_top = angles.step(&token) == 0;
                let is_body = matches!(&token, TokenTree::Group(group) if group.delimiter() == Delimiter::Brace);
                if at_top && (is_body || is_punct(&token, ';')) {
                    break;
                }
                tokens.push(token);
                rest = next;
            }
            Ok((tokens, rest))
        })?;
        self.predicates = split_at_commas(tokens)
            .into_iter()
            .map(TokenStream::from_iter)
            .collect();
        Ok(())
    }

    /// What an impl for the type writes: `impl<...>`, `Type<...>` and its
    /// where clause, to which the impl may add predicates.
    pub(crate) fn split_for_impl(&self) -> (ImplGenerics<'_>, TypeGenerics<'_>, Clause<'_>) {
        (ImplGenerics(self), TypeGenerics(self), self.where_clause())
    }

    /// The type's own where clause.
    pub(crate) fn where_clause(&self) -> Clause<'_> {
        Clause {
            own: &self.predicates,
            added: Vec::new(),
        }
    }

    /// Whether the type has a type parameter (a const one aside).
    pub(crate) fn has_type_params(&self) -> bool {
        self.params.iter().any(|param| param.kind == Kind::Type)
    }

    /// The parameters in the order impls take them: lifetimes first.
    fn in_order(&self) -> impl Iterator<Item = &Param> {
        let lifetimes = self
            .params
            .iter()
            .filter(|param| param.kind == Kind::Lifetime);
        lifetimes.chain(
            self.params
                .iter()
                .filter(|param| param.kind != Kind::Lifetime),
        )
    }
}

impl Param {
    /// A parameter from its tokens; `None` if they do not start like one
    /// (rustc has parsed the item, so they do).
    fn new(mut tokens: Vec<TokenTree>) -> Option<Self> {
        let mut start = 0;
        while tokens.get(start).is_some_and(|token| is_punct(token, '#'))
            && matches!(tokens.get(start + 1), Some(TokenTree::Group(_)))
        {
            start += 2;
        }
        let (kind, name) = match &tokens[start..] {
            [TokenTree::Punct(quote), TokenTree::Ident(_), ..] if quote.as_char() == '\'' => {
                (Kind::Lifetime, start..start + 2)
            }
            [TokenTree::Ident(keyword), TokenTree::Ident(_), ..] if keyword == "const" => {
                (Kind::Const, start + 1..start + 2)
            }
            [TokenTree::Ident(_), ..] => (Kind::Type, start..start + 1),
            _ => return None,
        };
        let Some(TokenTree::Ident(ident)) = tokens.get(name.end - 1) else {
            return None;
        };
        let ident = ident.clone();
        // The default follows the first `=` outside angle brackets (in
        // `T: Tr<A = B>` it is inside; `Tr<A>= B` is `>` then `=`).
        let mut angles = Angles::default();
        let end = tokens
            .iter()
            .position(|token| angles.step(token) == 0 && is_punct(token, '='))
            .unwrap_or(tokens.len());
        let name = tokens[name].iter().cloned().collect();
        tokens.truncate(end);
        Some(Param {
            kind,
            name,
            ident,
            declaration: tokens.into_iter().collect(),
        })
    }
}

/// `<'a, T: Bound, const N: usize>`: the parameters without defaults.
pub(crate) struct ImplGenerics<'a>(&'a Generics);

impl ToTokens for ImplGenerics<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if self.0.params.is_empty() {
            return;
        }
        let declarations = self.0.in_order().map(|param| &param.declaration);
        tokens.extend(quote!(<#(#declarations),*>));
    }
}

/// `<'a, T, N>`: the parameters as the type's arguments.
pub(crate) struct TypeGenerics<'a>(&'a Generics);

impl ToTokens for TypeGenerics<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if self.0.params.is_empty() {
            return;
        }
        let names = self.0.in_order().map(|param| &param.name);
        tokens.extend(quote!(<#(#names),*>));
    }
}

/// A where clause: the type's own predicates, borrowed, then those the
/// generated code adds.
pub(crate) struct Clause<'a> {
    own: &'a [TokenStream],
    added: Vec<TokenStream>,
}

impl Clause<'_> {
    pub(crate) fn push(&mut self, predicate: TokenStream) {
        self.added.push(predicate);
    }
}

impl Extend<TokenStream> for Clause<'_> {
    fn extend<I: IntoIterator<Item = TokenStream>>(&mut self, predicates: I) {
        self.added.extend(predicates);
    }
}

impl ToTokens for Clause<'_> {
    fn to_tokens(&self, tokens: &mut TokenStream) {
        if self.own.is_empty() && self.added.is_empty() {
            return;
        }
        let (own, added) = (self.own, &self.added);
        tokens.extend(quote!(where #(#own,)* #(#added,)*));
    }
}

/// The type and const parameters of the derived type: a field type naming
/// one needs bounds on the generated impls, and its catalog rows are unknown
/// until the parameter is.
pub(crate) struct TypeParams<'a> {
    names: Vec<&'a Ident>,
}

impl<'a> TypeParams<'a> {
    pub(crate) fn new(generics: &'a Generics) -> Self {
        let params = generics.params.iter();
        TypeParams {
            names: params
                .filter(|param| param.kind != Kind::Lifetime)
                .map(|param| &param.ident)
                .collect(),
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

#[cfg(test)]
mod tests {
    use proc_macro2::TokenStream;
    use quote::{ToTokens, quote};
    use syn::parse::{ParseStream, Parser as _};

    use super::{Generics, TypeParams};

    /// The generics and where clause of `tokens` (`<...> where ...;`).
    fn parse(tokens: TokenStream) -> Generics {
        let parser = |input: ParseStream| {
            let mut generics = Generics::parse(input)?;
            generics.parse_where(input)?;
            input.parse::<syn::Token![;]>()?;
            Ok(generics)
        };
        parser.parse2(tokens).expect("generics parse")
    }

    /// The tokens as text, without the spaces that their spacing adds.
    fn text(tokens: impl ToTokens) -> String {
        tokens.to_token_stream().to_string().replace(' ', "")
    }

    fn printed(generics: &Generics) -> [String; 3] {
        let (impl_generics, ty_generics, clause) = generics.split_for_impl();
        [text(impl_generics), text(ty_generics), text(clause)]
    }

    #[test]
    fn impls_take_parameters_without_defaults_and_types_their_names() {
        let generics = parse(quote! {
            <T: Fn(u8) -> Vec<u8> = fn(u8) -> Vec<u8>, #[cfg(all())] 'b, 'a: 'b,
             U: PartialOrd<T>= u8, const N: usize = { 3 }, V: Iterator<Item = u8>,>
            where T: Clone, for<'c> &'c U: Into<Vec<Vec<u8>>>,;
        });
        assert_eq!(
            printed(&generics),
            [
                quote!(<#[cfg(all())] 'b, 'a: 'b, T: Fn(u8) -> Vec<u8>, U: PartialOrd<T>, const N: usize, V: Iterator<Item = u8>>),
                quote!(<'b, 'a, T, U, N, V>),
                quote!(where T: Clone, for<'c> &'c U: Into<Vec<Vec<u8>>>,),
            ]
            .map(text)
        );
        let params = TypeParams::new(&generics);
        assert!(params.appear_in(&quote!([u8; N])));
        assert!(!params.appear_in(&quote!(&'b str)));
        assert!(generics.has_type_params());
    }

    #[test]
    fn no_generics_print_nothing() {
        let generics = parse(quote!(;));
        assert_eq!(
            printed(&generics),
            [String::new(), String::new(), String::new()]
        );
        let mut clause = generics.where_clause();
        clause.push(quote!(Self: Sized));
        assert_eq!(text(clause), text(quote!(where Self: Sized,)));
    }
}
