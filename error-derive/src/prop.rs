//! Questions asked of the model by `valid` and `expand`.

use proc_macro2::Span;
use syn::ext::IdentExt;

use crate::ast::{Field, Input, Member, Variant};
use crate::attr::Format;
use crate::shared::formats::Builtin;
use crate::status;
use crate::template::FieldRef;

impl Input<'_> {
    /// The type's built-in format; `None` for a custom `Format` type.
    pub(crate) fn builtin_format(&self) -> Option<Builtin> {
        match &self.attrs.format {
            Some(Format::Builtin(format)) => Some(*format),
            Some(Format::Custom(_)) => None,
            None => Some(Builtin::Problem),
        }
    }

    /// Whether the type declares any type-level setting (`format`,
    /// `type_base`, `challenge`, `locales`), which then live in a static.
    pub(crate) fn has_settings(&self) -> bool {
        let attrs = &self.attrs;
        attrs.format.is_some()
            || attrs.type_base.is_some()
            || attrs.challenge.is_some()
            || attrs.locales.is_some()
    }

    /// The variant's stable code: as given, or its name after `rename_all`.
    pub(crate) fn code(&self, variant: &Variant) -> String {
        match (&variant.attrs.code, self.attrs.rename_all) {
            (Some(code), _) => code.value(),
            (None, Some(rule)) => rule.apply(&variant.name()),
            (None, None) => variant.name(),
        }
    }

    /// Where an error about the variant's code should point.
    pub(crate) fn code_span(variant: &Variant) -> Span {
        variant
            .attrs
            .code
            .as_ref()
            .map_or_else(|| variant.ident.span(), syn::LitStr::span)
    }

    /// The variant's status: its own, or the type's default.
    pub(crate) fn status(&self, variant: &Variant) -> Option<u16> {
        variant
            .attrs
            .status
            .or(self.attrs.status)
            .map(|status| status.number)
    }
}

impl Variant<'_> {
    /// The variant's (or struct's) name without `r#`.
    pub(crate) fn name(&self) -> String {
        self.ident.unraw().to_string()
    }

    /// The catalog's message: the template as written, or the reason phrase.
    pub(crate) fn catalog_message(&self, status: u16) -> String {
        self.attrs.message.as_ref().map_or_else(
            || status::reason(status).to_owned(),
            |message| message.text.clone(),
        )
    }

    /// The catalog's message with `<field>` placeholders.
    pub(crate) fn placeholder_message(&self, status: u16) -> String {
        self.attrs.message.as_ref().map_or_else(
            || status::reason(status).to_owned(),
            |message| message.template.placeholders(),
        )
    }

    /// Whether the catalog's message is the public message as it is: no
    /// message (the reason phrase), or a template with nothing to
    /// interpolate and no escaped braces.
    pub(crate) fn message_is_literal(&self) -> bool {
        self.attrs
            .message
            .as_ref()
            .is_none_or(|message| message.template.as_literal() == Some(message.text.as_str()))
    }

    /// The fields the message template interpolates, each once, in order of
    /// first use: the catalog's record of the message's placeholders.
    pub(crate) fn template_fields(&self) -> Vec<String> {
        let mut names: Vec<String> = Vec::new();
        let fields = self
            .attrs
            .message
            .iter()
            .flat_map(|message| message.template.fields());
        for field in fields {
            let name = field.to_string();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names
    }

    /// The members of exposed fields, in declaration order.
    pub(crate) fn exposed_members(&self) -> Vec<String> {
        self.fields.iter().filter_map(Field::exposed_name).collect()
    }

    /// The header names of header fields, as written, in declaration order.
    pub(crate) fn header_fields(&self) -> Vec<String> {
        let headers = self
            .fields
            .iter()
            .filter_map(|field| field.attrs.header.as_ref());
        headers.map(syn::LitStr::value).collect()
    }

    pub(crate) fn transparent_field(&self) -> Option<&Field<'_>> {
        self.attrs.transparent.and(self.fields.first())
    }

    /// The field named by a template placeholder.
    pub(crate) fn field(&self, name: &str) -> Option<&Field<'_>> {
        self.fields.iter().find(|field| field.name() == name)
    }

    /// The field a placeholder names, by name or position; `valid` reports
    /// a placeholder naming none.
    pub(crate) fn placeholder_field(&self, field: &FieldRef) -> Option<&Field<'_>> {
        match field {
            FieldRef::Named(name) => self.field(name),
            FieldRef::Index(index) => self.fields.get(*index),
        }
    }

    /// The field marked `#[api(source)]` (the first, should there be two).
    pub(crate) fn source_field(&self) -> Option<&Field<'_>> {
        self.fields
            .iter()
            .find(|field| field.attrs.source.is_some())
    }
}

impl Field<'_> {
    /// The member name an exposed field is written under; `None` for a tuple
    /// field exposed without a name.
    pub(crate) fn exposed_name(&self) -> Option<String> {
        let expose = self.attrs.expose.as_ref()?;
        match (&expose.name, &self.member) {
            (Some(name), _) => Some(name.value()),
            (None, Member::Named(_)) => Some(self.name()),
            (None, Member::Unnamed(_)) => None,
        }
    }
}
