//! The derive input read straight from syn's parse stream, its `#[api]`
//! attributes parsed where they stand.
//!
//! syn's `DeriveInput` would copy every attribute's tokens into a new token
//! stream, which `#[api]` parsing then reads back: two more trips over the
//! proc-macro bridge for each token. A field type is kept as its tokens,
//! which is all the derive does with it, rather than parsed into a
//! `syn::Type`. The grammar is that of `DeriveInput`, which rustc has
//! already checked: only attribute contents can be malformed here.

use proc_macro2::{Delimiter, Ident, Span, TokenStream, TokenTree};
use syn::parse::{ParseStream, Parser as _};
use syn::{Token, braced, token};

use crate::angles::{Angles, is_punct};
use crate::ast::Member;
use crate::attr::{self, Attrs, Position};
use crate::doc;
use crate::errors::Errors;
use crate::generics::Generics;

/// The derive input, owning what the model borrows.
pub(crate) struct Item {
    pub ident: Ident,
    pub generics: Generics,
    /// The type's `#[api]` keys (for a struct, its variant's too).
    pub attrs: Attrs,
    pub description: String,
    pub body: Body,
}

pub(crate) enum Body {
    Enum(Vec<VariantSyntax>),
    Struct(FieldsSyntax),
    /// `ApiError` has no model for a union; the span of `union`.
    Union(Span),
}

pub(crate) struct VariantSyntax {
    pub ident: Ident,
    pub attrs: Attrs,
    pub description: String,
    pub fields: FieldsSyntax,
}

#[derive(Default)]
pub(crate) struct FieldsSyntax {
    pub fields: Vec<FieldSyntax>,
    pub is_tuple: bool,
}

pub(crate) struct FieldSyntax {
    pub member: Member,
    pub ty: TokenStream,
    /// The span joining those of the type's first and last tokens, as
    /// syn's `Spanned` measures it.
    pub ty_span: Span,
    pub attrs: Attrs,
}

/// Parses the derive input, reporting `#[api]` problems into `errors`.
pub(crate) fn parse(tokens: TokenStream, errors: &mut Errors) -> syn::Result<Item> {
    (|input: ParseStream| item(input, errors)).parse2(tokens)
}

fn item(input: ParseStream, errors: &mut Errors) -> syn::Result<Item> {
    let position = item_position(input)?;
    let (attrs, description) = attributes(input, position, errors)?;
    visibility(input)?;
    let lookahead = input.lookahead1();
    let keyword = if lookahead.peek(Token![union]) {
        Keyword::Union(input.parse::<Token![union]>()?.span)
    } else if lookahead.peek(Token![struct]) {
        input.parse::<Token![struct]>()?;
        Keyword::Struct
    } else if lookahead.peek(Token![enum]) {
        input.parse::<Token![enum]>()?;
        Keyword::Enum
    } else {
        return Err(lookahead.error());
    };
    let ident: Ident = input.parse()?;
    let mut generics = Generics::parse(input)?;
    let body = match keyword {
        Keyword::Struct => Body::Struct(struct_fields(input, &mut generics, errors)?),
        Keyword::Enum => {
            generics.parse_where(input)?;
            let content;
            braced!(content in input);
            let mut variants = Vec::new();
            while !content.is_empty() {
                variants.push(variant(&content, errors)?);
                if content.is_empty() {
                    break;
                }
                content.parse::<Token![,]>()?;
            }
            Body::Enum(variants)
        }
        Keyword::Union(span) => {
            generics.parse_where(input)?;
            skip_rest(input)?;
            Body::Union(span)
        }
    };
    Ok(Item {
        ident,
        generics,
        attrs,
        description,
        body,
    })
}

enum Keyword {
    Enum,
    Struct,
    Union(Span),
}

/// Whether the outer attributes belong to an enum or a struct (`None` for
/// a union, whose attributes are not read): the keyword follows them.
fn item_position(input: ParseStream) -> syn::Result<Option<Position>> {
    let ahead = input.fork();
    while ahead.peek(Token![#]) {
        ahead.parse::<Token![#]>()?;
        ahead.parse::<TokenTree>()?;
    }
    visibility(&ahead)?;
    Ok(if ahead.peek(Token![enum]) {
        Some(Position::Enum)
    } else if ahead.peek(Token![struct]) {
        Some(Position::Struct)
    } else {
        None
    })
}

/// The fields of a struct, and into `generics` its where clause, which
/// comes before named fields and after unnamed ones.
fn struct_fields(
    input: ParseStream,
    generics: &mut Generics,
    errors: &mut Errors,
) -> syn::Result<FieldsSyntax> {
    if input.peek(token::Paren) {
        let fields = fields(input, errors)?;
        generics.parse_where(input)?;
        input.parse::<Token![;]>()?;
        return Ok(fields);
    }
    generics.parse_where(input)?;
    if input.peek(token::Brace) {
        return fields(input, errors);
    }
    input.parse::<Token![;]>()?;
    Ok(FieldsSyntax::default())
}

/// Skips a visibility: `pub`, `pub(crate)`, `pub(self)`, `pub(super)` or
/// `pub(in path)`. A tuple field's type in parentheses (`pub (u8, u16)`,
/// `pub (crate::A)`) is no restriction.
fn visibility(input: ParseStream) -> syn::Result<()> {
    if !input.peek(Token![pub]) {
        return Ok(());
    }
    input.parse::<Token![pub]>()?;
    input.step(|cursor| {
        if let Some((inner, _, rest)) = cursor.group(Delimiter::Parenthesis) {
            let restricts = inner.ident().is_some_and(|(word, after)| {
                word == "in"
                    || (after.eof() && (word == "crate" || word == "self" || word == "super"))
            });
            if restricts {
                return Ok(((), rest));
            }
        }
        Ok(((), *cursor))
    })
}

/// Skips an enum discriminant's expression, up to the `,` ending the
/// variant. A comma can stand outside groups only between generic
/// arguments, in a turbofish (`f::<A, B>()`), a qualified path
/// (`<T as Tr<A, B>>::C`) or a cast's type: a `<` after `::`, `as`, an
/// operator or nothing opens generic arguments, while one after an operand
/// compares or shifts.
fn discriminant(input: ParseStream) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut angles = 0usize;
        let mut previous: Option<TokenTree> = None;
        while let Some((token, next)) = rest.token_tree() {
            if let TokenTree::Punct(punct) = &token {
                match punct.as_char() {
                    ',' if angles == 0 => break,
                    '<' if angles > 0 || opens_generics(previous.as_ref()) => angles += 1,
                    '>' if angles > 0 && !previous.as_ref().is_some_and(|p| is_joint(p, '-')) => {
                        angles -= 1;
                    }
                    _ => {}
                }
            }
            previous = Some(token);
            rest = next;
        }
        Ok(((), rest))
    })
}

/// Whether a `<` after `previous` in an expression opens generic arguments.
fn opens_generics(previous: Option<&TokenTree>) -> bool {
    match previous {
        None => true,
        Some(TokenTree::Punct(punct)) => !matches!(punct.as_char(), '<' | '>'),
        Some(TokenTree::Ident(ident)) => ident == "as",
        Some(TokenTree::Group(_) | TokenTree::Literal(_)) => false,
    }
}

fn is_joint(token: &TokenTree, ch: char) -> bool {
    matches!(token, TokenTree::Punct(punct) if punct.as_char() == ch && punct.spacing() == proc_macro2::Spacing::Joint)
}

fn variant(input: ParseStream, errors: &mut Errors) -> syn::Result<VariantSyntax> {
    let (attrs, description) = attributes(input, Some(Position::Variant), errors)?;
    visibility(input)?;
    let ident: Ident = input.parse()?;
    let fields = if input.peek(token::Brace) || input.peek(token::Paren) {
        fields(input, errors)?
    } else {
        FieldsSyntax::default()
    };
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        discriminant(input)?;
    }
    Ok(VariantSyntax {
        ident,
        attrs,
        description,
        fields,
    })
}

/// `{ a: A, .. }` or `(A, ..)`, whichever comes next.
fn fields(input: ParseStream, errors: &mut Errors) -> syn::Result<FieldsSyntax> {
    let content;
    let is_tuple = input.peek(token::Paren);
    if is_tuple {
        syn::parenthesized!(content in input);
    } else {
        braced!(content in input);
    }
    let mut fields = Vec::new();
    while !content.is_empty() {
        let (attrs, _) = attributes(&content, Some(Position::Field), errors)?;
        visibility(&content)?;
        let member = if is_tuple {
            Member::Unnamed(fields.len())
        } else {
            let ident = if content.peek(Token![_]) {
                Ident::from(content.parse::<Token![_]>()?)
            } else {
                content.parse()?
            };
            content.parse::<Token![:]>()?;
            Member::Named(ident)
        };
        let (ty, ty_span) = type_tokens(&content)?;
        fields.push(FieldSyntax {
            member,
            ty,
            ty_span,
            attrs,
        });
        if content.is_empty() {
            break;
        }
        content.parse::<Token![,]>()?;
    }
    Ok(FieldsSyntax { fields, is_tuple })
}

/// A field's type: its tokens up to the next `,` outside angle brackets
/// (the `>` of `->` closes none), and their joined span.
fn type_tokens(input: ParseStream) -> syn::Result<(TokenStream, Span)> {
    input.step(|cursor| {
        let mut rest = *cursor;
        let mut tokens = Vec::new();
        let mut angles = Angles::default();
        while let Some((token, next)) = rest.token_tree() {
            if angles.step(&token) == 0 && is_punct(&token, ',') {
                break;
            }
            tokens.push(token);
            rest = next;
        }
        let span = joined_span(&tokens);
        Ok(((tokens.into_iter().collect(), span), rest))
    })
}

/// The span joining those of the first and last of `tokens`, as syn's
/// `Spanned` measures it: the first's where spans cannot be joined (stable
/// Rust).
pub(crate) fn joined_span(tokens: &[TokenTree]) -> Span {
    let first = tokens.first().map_or_else(Span::call_site, TokenTree::span);
    match tokens.last() {
        Some(last) if tokens.len() > 1 => first.join(last.span()).unwrap_or(first),
        _ => first,
    }
}

/// The outer attributes: `#[api]` ones parsed as at `position` (skipped
/// when `None`), doc comments joined into a description, others skipped.
fn attributes(
    input: ParseStream,
    position: Option<Position>,
    errors: &mut Errors,
) -> syn::Result<(Attrs, String)> {
    let mut description = String::new();
    let Some(position) = position else {
        while input.peek(Token![#]) {
            input.parse::<Token![#]>()?;
            input.parse::<TokenTree>()?;
        }
        return Ok((Attrs::default(), description));
    };
    let mut parser = attr::Parser::new(position, errors);
    while input.peek(Token![#]) {
        input.parse::<Token![#]>()?;
        let content;
        syn::bracketed!(content in input);
        // The name, when the path is one identifier.
        let name = content.step(|cursor| match cursor.ident() {
            Some((ident, rest)) if rest.punct().is_none_or(|(p, _)| p.as_char() != ':') => {
                Ok((Some(ident), rest))
            }
            _ => Ok((None, *cursor)),
        })?;
        let text = name.as_ref().map(ToString::to_string);
        match (text.as_deref(), name) {
            (Some("api"), Some(name)) => api_attribute(&content, &name, &mut parser)?,
            (Some("doc"), _) if content.peek(Token![=]) => {
                content.parse::<Token![=]>()?;
                let literal = content.step(|cursor| match cursor.literal() {
                    Some((literal, rest)) if rest.eof() => Ok((Some(literal), rest)),
                    _ => Ok((None, *cursor)),
                })?;
                if let Some(text) = literal.as_ref().and_then(attr::literal_text) {
                    doc::add_comment(&mut description, &text);
                }
            }
            _ => {}
        }
        skip_rest(&content)?;
    }
    Ok((parser.finish(), description))
}

/// `#[api(...)]` after its name; `#[api]` and `#[api = ...]` are reported
/// as syn reports them.
fn api_attribute(content: ParseStream, name: &Ident, parser: &mut attr::Parser) -> syn::Result<()> {
    let delimiter = content
        .cursor()
        .any_group()
        .map(|(_, delimiter, ..)| delimiter);
    let inner;
    match delimiter {
        Some(Delimiter::Parenthesis) => {
            syn::parenthesized!(inner in content);
        }
        Some(Delimiter::Bracket) => {
            syn::bracketed!(inner in content);
        }
        Some(Delimiter::Brace) => {
            braced!(inner in content);
        }
        Some(Delimiter::None) | None => {
            let error = if content.peek(Token![=]) {
                let eq: Token![=] = content.parse()?;
                syn::Error::new(eq.span, "expected parentheses: #[api(...)]")
            } else {
                syn::Error::new(
                    name.span(),
                    "expected attribute arguments in parentheses: #[api(...)]",
                )
            };
            parser.report(error);
            return Ok(());
        }
    }
    if let Err(error) = parser.attribute(&inner) {
        parser.report(error);
    }
    skip_rest(&inner)
}

/// Consumes what is left of `input`: a stream left unread would make syn
/// report an unexpected token.
fn skip_rest(input: ParseStream) -> syn::Result<()> {
    input.step(|cursor| {
        let mut rest = *cursor;
        while let Some((_, next)) = rest.token_tree() {
            rest = next;
        }
        Ok(((), rest))
    })
}

#[cfg(test)]
mod tests {
    use quote::quote;

    use super::{Body, parse};
    use crate::errors::Errors;

    #[test]
    fn field_types_end_at_commas_outside_angle_brackets() {
        let input = quote! {
            /// A doc line.
            #[derive(Debug)]
            pub enum E<T: Clone = u8> where T: Copy {
                #[api(status = 404)]
                A { f: Box<dyn Fn(u8, u16) -> Vec<u8>>, g: <T as X<A, B>>::Y, h: [u8; 2] },
                B(fn(u8) -> u8, &'static str),
                C = 3,
            }
        };
        let mut errors = Errors::default();
        let item = parse(input, &mut errors).expect("the input parses");
        assert!(errors.finish().is_ok());
        assert_eq!(item.description, "A doc line.");
        assert!(item.generics.has_type_params());
        let Body::Enum(variants) = &item.body else {
            panic!("an enum");
        };
        let types: Vec<Vec<String>> = variants
            .iter()
            .map(|variant| {
                let fields = &variant.fields.fields;
                fields.iter().map(|field| field.ty.to_string()).collect()
            })
            .collect();
        assert_eq!(
            types,
            [
                vec![
                    quote!(Box<dyn Fn(u8, u16) -> Vec<u8>>).to_string(),
                    quote!(<T as X<A, B>>::Y).to_string(),
                    quote!([u8; 2]).to_string(),
                ],
                vec![
                    quote!(fn(u8) -> u8).to_string(),
                    quote!(&'static str).to_string(),
                ],
                vec![],
            ]
        );
        assert!(variants[1].fields.is_tuple);
        assert_eq!(
            variants[0].attrs.variant.status.map(|s| s.number),
            Some(404)
        );
    }

    /// `#[api]` and `#[api = ...]` are reported in the words of syn's
    /// `Attribute::parse_nested_meta`.
    #[test]
    fn an_api_attribute_without_parentheses_is_reported_as_syn_does() {
        let cases = [
            (
                quote!(#[api]),
                "expected attribute arguments in parentheses: #[api(...)]",
            ),
            (quote!(#[api = 1]), "expected parentheses: #[api(...)]"),
        ];
        for (attribute, expected) in cases {
            let input = quote!(#attribute struct S;);
            let mut errors = Errors::default();
            parse(input, &mut errors).expect("the input parses");
            let ours = errors.finish().expect_err("an error").to_string();
            assert_eq!(ours, expected);
        }
    }
}
