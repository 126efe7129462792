//! Checks across attributes, variants and fields. Every problem is collected,
//! so one compile shows them all; each check is linear in the input.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use proc_macro2::Span;

use crate::ast::{Field, Input, Variant};
use crate::attr::TemplateAttr;
use crate::errors::Errors;
use crate::shared::charset::is_unreserved;
use crate::shared::formats::{Builtin, Placement};
use crate::suggest;
use crate::template::FieldRef;

pub(crate) fn check(input: &Input, errors: &mut Errors) {
    // After a refused `format`, checks against the default format would
    // report clashes the user never wrote.
    let format = input
        .builtin_format()
        .filter(|_| !input.attrs.format_refused);
    let mut codes = HashMap::with_capacity(input.variants.len());
    for variant in &input.variants {
        if variant.attrs.transparent.is_some() {
            check_transparent(variant, errors);
            continue;
        }
        let status_refused = variant.attrs.status_refused || input.attrs.status_refused;
        if input.status(variant).is_none() && !status_refused {
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
        check_code(input, variant, format, &mut codes, errors);
        for template in [&variant.attrs.message, &variant.attrs.details]
            .into_iter()
            .flatten()
        {
            check_template(variant, template, errors);
        }
        check_fields(format, variant, errors);
        check_sources(input, variant, errors);
    }
}

/// Checks the variant's code against the codes seen so far (with their span
/// and origin), and records it.
fn check_code(
    input: &Input,
    variant: &Variant,
    format: Option<Builtin>,
    codes: &mut HashMap<String, (Span, &'static str)>,
    errors: &mut Errors,
) {
    let code = input.code(variant);
    let span = Input::code_span(variant);
    let origin = code_origin(input, variant);
    let problem = character_problem(&code, origin, format);
    match codes.entry(code) {
        Entry::Occupied(seen) => {
            let (first, first_origin) = seen.get();
            let code = seen.key();
            errors.repeated(
                span,
                format_args!("code `{code}`{origin} is used twice; each error needs its own code"),
                *first,
                format_args!("code `{code}`{first_origin} first used here"),
            );
        }
        Entry::Vacant(new) => {
            if let Some(problem) = problem {
                errors.at(span, problem);
            }
            new.insert((span, origin));
        }
    }
}

/// Why `code` holds a character it may not, if it does: the first broken
/// rule of whitespace, the format's own rule, and RFC 3986's unreserved set.
fn character_problem(code: &str, origin: &str, format: Option<Builtin>) -> Option<String> {
    if code.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Some(format!(
            "code `{}`{origin} contains whitespace or control characters; codes are single tokens like `EmailAlreadyExists`",
            code.escape_debug()
        ));
    }
    if let Some(rule) = format.and_then(Builtin::code_rule) {
        if let Some(bad) = code.chars().find(|c| !(rule.allows)(*c)) {
            return Some(format!(
                "code `{code}`{origin} cannot be {}: {bad:?} is outside {}",
                rule.role, rule.allowed
            ));
        }
    }
    let bad = code.chars().find(|c| !is_unreserved(*c))?;
    Some(format!(
        "code `{code}`{origin} contains {bad:?}, outside RFC 3986's unreserved characters `A-Z a-z 0-9 - . _ ~`; codes become parts of URIs (a problem `type`, a link to the docs), so they may use only those"
    ))
}

/// Where a code derived from the variant name comes from, for errors that
/// point at the variant (the code itself is written nowhere); "" for a `code`.
fn code_origin(input: &Input, variant: &Variant) -> &'static str {
    match (&variant.attrs.code, input.attrs.rename_all) {
        (Some(_), _) => "",
        (None, Some(_)) => " (the variant name after `rename_all`)",
        (None, None) => " (the variant name)",
    }
}

fn check_transparent(variant: &Variant, errors: &mut Errors) {
    let has = match variant.fields.len() {
        1 => None,
        0 => Some("none".to_owned()),
        count => Some(format!("{count} fields")),
    };
    if let Some(has) = has {
        errors.at(
            variant.ident.span(),
            format_args!(
                "a transparent variant wraps exactly one field, the error that provides everything; `{}` has {has}",
                variant.ident,
            ),
        );
    }
    let field_keys = variant.fields.iter().flat_map(|field| &field.attrs.keys);
    for (key, span) in variant.keys.iter().chain(field_keys) {
        errors.at(
            *span,
            format_args!("a transparent variant takes everything from its field; remove `{key}`"),
        );
    }
}

fn check_template(variant: &Variant, template: &TemplateAttr, errors: &mut Errors) {
    let mut reported: Vec<&FieldRef> = Vec::new();
    for field in template.template.fields() {
        // A placeholder used twice is one mistake, reported once.
        if reported.contains(&field) {
            continue;
        }
        if let Some(problem) = placeholder_problem(variant, field) {
            errors.at(template.literal.span(), problem);
            reported.push(field);
        }
    }
}

/// Why `field` names no field of `variant`, if it does not.
fn placeholder_problem(variant: &Variant, field: &FieldRef) -> Option<String> {
    let ident = variant.ident;
    let count = variant.fields.len();
    Some(match field {
        _ if count == 0 => format!("`{{{field}}}`: `{ident}` has no fields"),
        FieldRef::Named(_) if variant.is_tuple => {
            format!("`{{{field}}}`: tuple fields are named by position, like `{{0}}`")
        }
        FieldRef::Named(name) if variant.field(name).is_none() => {
            let names = variant.fields.iter().map(Field::name).collect::<Vec<_>>();
            let hint = suggest::hint(name, names.iter().map(String::as_str));
            format!("`{ident}` has no field `{name}`{hint}")
        }
        FieldRef::Index(index) if !variant.is_tuple => {
            let name = variant
                .fields
                .get(*index)
                .map_or_else(|| "name".to_owned(), Field::name);
            format!("`{{{field}}}`: `{ident}` has named fields; write `{{{name}}}`")
        }
        FieldRef::Index(index) if *index >= count => {
            let fields = if count == 1 { "field" } else { "fields" };
            format!("`{{{field}}}` is out of range: `{ident}` has {count} {fields}")
        }
        FieldRef::Named(_) | FieldRef::Index(_) => return None,
    })
}

fn check_fields(format: Option<Builtin>, variant: &Variant, errors: &mut Errors) {
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
        if let Some(format) = format.filter(|format| format.clashes_with(&name)) {
            errors.at(
                span,
                format_args!(
                    "exposed member `{name}` would repeat the `{name}` member of the `{}` format; choose another name with `expose = \"...\"`",
                    format.name()
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
    let placement = format.map(Builtin::placement);
    if let Some(format) = format.filter(|_| placement == Some(Placement::InDetails)) {
        if let (Some(details), Some(exposed)) = (details, first_exposed) {
            errors.repeated(
                exposed,
                format_args!(
                    "in the `{}` format, exposed fields are written as `details`, which this error already has; the fields would vanish",
                    format.name()
                ),
                details,
                "the details value is given here",
            );
        }
    } else if let (Some(details), Some(first)) = (details, members.get("details")) {
        errors.repeated(
            *first,
            "exposed member `details` would repeat the `details` member that holds this error's details value; choose another name with `expose = \"...\"`",
            details,
            "the details value is given here",
        );
    }
}

/// A variant has one source at most; a source is for logs and never reaches
/// the wire (no body member, header or template); and its `source()` is that
/// of the `Error` impl that `display` brings.
fn check_sources(input: &Input, variant: &Variant, errors: &mut Errors) {
    let mut first: Option<Span> = None;
    for field in &variant.fields {
        let attrs = &field.attrs;
        let Some(span) = attrs.source else {
            continue;
        };
        match first {
            Some(first) => errors.repeated(
                span,
                "a second `source`: an error has one source",
                first,
                "first `source` here",
            ),
            None => first = Some(span),
        }
        let wire = [
            (attrs.expose.as_ref().map(|expose| expose.span), "exposed"),
            (attrs.details, "the `details` value"),
            (
                attrs.header.as_ref().map(syn::LitStr::span),
                "sent as a header",
            ),
        ];
        for (other, role) in wire {
            if let Some(other) = other {
                errors.repeated(
                    other,
                    format_args!("a source never reaches the wire, so it cannot be {role}; copy what the client may see into a field of its own"),
                    span,
                    "the field is the error's source here",
                );
            }
        }
        if input.attrs.display.is_none() {
            errors.at(
                span,
                "`source` is what the type's `std::error::Error::source` returns, and errcat implements `Error` only with `display`: add `display` to the type's `#[api(...)]`, or, where thiserror implements `Error`, use its `#[source]` instead",
            );
        }
    }
    let Some(source) = variant.source_field() else {
        return;
    };
    let templates = [
        ("message", &variant.attrs.message),
        ("details", &variant.attrs.details),
    ];
    for (name, template) in templates {
        let Some(template) = template else {
            continue;
        };
        let names_source = template.template.fields().any(|field| {
            variant
                .placeholder_field(field)
                .is_some_and(|field| field.member == source.member)
        });
        if names_source {
            errors.repeated(
                template.literal.span(),
                format_args!(
                    "`{{{}}}` would write the error's source into the {name}, but a source never reaches the wire; copy what the client may see into a field of its own",
                    source.name()
                ),
                source.attrs.source.unwrap_or_else(Span::call_site),
                "the field is the error's source here",
            );
        }
    }
}
