//! Checks across attributes, variants and fields. Every problem is collected,
//! so one compile shows them all; each check is linear in the input.

use std::collections::HashMap;

use proc_macro2::Span;

use crate::ast::{Input, Variant};
use crate::attr::TemplateAttr;
use crate::errors::Errors;
use crate::shape::Shape;
use crate::template::FieldRef;

pub(crate) fn check(input: &Input, errors: &mut Errors) {
    let mut codes: HashMap<String, Span> = HashMap::with_capacity(input.variants.len());
    for variant in &input.variants {
        if variant.attrs.transparent.is_some() {
            check_transparent(variant, errors);
            continue;
        }
        if input.status(variant).is_none() {
            let hint = if input.is_struct {
                "add `#[api(status = ...)]` to the struct"
            } else {
                "add `status = ...` to this variant's `#[api(...)]`, or a default `#[api(status = ...)]` to the enum"
            };
            errors.at(
                variant.ident.span(),
                format_args!("`{}` has no status: {hint}", variant.ident),
            );
        }
        let code = input.code(variant);
        let span = Input::code_span(variant);
        if let Some(first) = codes.get(&code) {
            errors.repeated(
                span,
                format_args!("code `{code}` is used twice; each error needs its own code"),
                *first,
                format_args!("code `{code}` first used here"),
            );
        } else {
            if input.shape() == Some(Shape::OAuth2) && !code.chars().all(is_oauth2_char) {
                errors.at(
                    span,
                    format_args!(
                        "code `{code}` cannot be an OAuth 2.0 `error`: RFC 6749 allows only printable ASCII without `\"` and `\\`"
                    ),
                );
            }
            codes.insert(code, span);
        }
        for template in [&variant.attrs.message, &variant.attrs.details]
            .into_iter()
            .flatten()
        {
            check_template(variant, template, errors);
        }
        check_fields(input, variant, errors);
    }
}

fn check_transparent(variant: &Variant, errors: &mut Errors) {
    if variant.fields.len() != 1 {
        errors.at(
            variant.ident.span(),
            format_args!(
                "a transparent error wraps exactly one field, which provides everything; `{}` has {}",
                variant.ident,
                variant.fields.len()
            ),
        );
    }
    let field_keys = variant.fields.iter().flat_map(|field| &field.attrs.keys);
    let other_keys = variant.keys.iter().map(|(_, span)| span).chain(field_keys);
    for span in other_keys {
        errors.at(
            *span,
            "a transparent error takes everything from its field; remove this key",
        );
    }
}

fn check_template(variant: &Variant, template: &TemplateAttr, errors: &mut Errors) {
    let literal = &template.literal;
    for field in template.template.fields() {
        let problem = match field {
            FieldRef::Named(name) if variant.is_tuple => {
                format!("`{{{name}}}`: tuple fields are named by position, like `{{0}}`")
            }
            FieldRef::Named(name) if variant.field(name).is_none() => {
                format!("`{}` has no field `{name}`", variant.ident)
            }
            FieldRef::Index(index) if !variant.is_tuple => format!(
                "`{{{index}}}`: `{}` has named fields; write `{{name}}`",
                variant.ident
            ),
            FieldRef::Index(index) if *index >= variant.fields.len() => format!(
                "`{{{index}}}` is out of range: `{}` has {} field{}",
                variant.ident,
                variant.fields.len(),
                if variant.fields.len() == 1 { "" } else { "s" }
            ),
            _ => continue,
        };
        errors.at(literal.span(), problem);
    }
}

fn check_fields(input: &Input, variant: &Variant, errors: &mut Errors) {
    let shape = input.shape();
    let mut members: HashMap<String, Span> = HashMap::new();
    let mut details: Option<Span> = variant
        .attrs
        .details
        .as_ref()
        .map(|details| details.literal.span());
    let mut first_exposed: Option<Span> = None;
    for field in &variant.fields {
        let attrs = &field.attrs;
        if let Some(span) = attrs.details {
            match details {
                Some(first) => errors.repeated(
                    span,
                    "a second `details`: an error has one details value",
                    first,
                    "first `details` here",
                ),
                None => details = Some(span),
            }
        }
        if let (Some(header), Some(other)) = (
            &attrs.header,
            attrs.expose.as_ref().map(|e| e.span).or(attrs.details),
        ) {
            errors.repeated(
                other,
                "a header field is sent as a response header, not as a body member",
                header.span(),
                "the field's header is given here",
            );
        }
        let Some(expose) = &attrs.expose else {
            continue;
        };
        first_exposed.get_or_insert(expose.span);
        let Some(name) = field.exposed_name() else {
            errors.at(
                expose.span,
                "a tuple field needs a member name: `expose = \"name\"`",
            );
            continue;
        };
        let span = expose.name.as_ref().map_or(expose.span, syn::LitStr::span);
        if let Some(shape) = shape.filter(|shape| shape.own_members().contains(&name.as_str())) {
            errors.at(
                span,
                format_args!(
                    "exposed member `{name}` would repeat the `{name}` member of the `{}` shape; name it with `expose = \"...\"`",
                    shape.name()
                ),
            );
        } else if let Some(first) = members.get(&name) {
            errors.repeated(
                span,
                format_args!("member `{name}` is exposed twice"),
                *first,
                format_args!("`{name}` first exposed here"),
            );
        } else {
            members.insert(name, span);
        }
    }
    if shape == Some(Shape::Flat) {
        if let (Some(details), Some(exposed)) = (details, first_exposed) {
            errors.repeated(
                exposed,
                "in the `flat` shape, exposed fields are written as `details`, which this error already has; the fields would vanish",
                details,
                "the details value is given here",
            );
        }
    } else if let (Some(details), Some(first)) = (details, members.get("details")) {
        errors.repeated(
            *first,
            "member `details` is exposed twice",
            details,
            "`details` is also given here",
        );
    }
}

/// RFC 6749 §5.2: `error` is `%x20-21 / %x23-5B / %x5D-7E`.
fn is_oauth2_char(c: char) -> bool {
    matches!(c, '\x20'..='\x21' | '\x23'..='\x5B' | '\x5D'..='\x7E')
}
