//! The catalogs' translations as a page shows them: each translation a
//! template, its fields `{field}` in tables and `<field>` in example bodies,
//! like the default language's message.
//!
//! A translation is written by Fluent itself, each variable given as a
//! marked name: a selector on a field then matches none of its keys, so the
//! template shows the selector's default variant (`*[other]`), and
//! `NUMBER($field)` shows the field.

use fluent_bundle::resolver::ResolverError;
use fluent_bundle::resolver::errors::ReferenceKind;
use fluent_bundle::{FluentArgs, FluentError, FluentValue};

use crate::locale::{Bundle, Locale, Translations, find, new_bundle, translates};

/// Around a variable's name in Fluent's output: noncharacters, which Unicode
/// reserves for a program's internal use; a translation holding one
/// literally would show it as a brace (or an angle bracket in a body).
const OPEN: char = '\u{FDD0}';
const CLOSE: char = '\u{FDD1}';

/// How a template shows its fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Style {
    /// As a `message = "..."` template is written: `{field}`, with a
    /// literal brace doubled (the tables' Message column).
    Template,
    /// As an example body shows a message: `<field>`, braces as they are.
    Body,
}

/// The locale of `translations` that `wanted` matches (as
/// [`ApiError::message_in`](crate::ApiError::message_in) matches it) and
/// that translates `code`.
pub(super) fn locale_of(
    translations: &'static Translations,
    code: &str,
    wanted: &str,
) -> Option<&'static Locale> {
    find(translations.own, wanted)
        .filter(|locale| translates(locale, code))
        .or_else(|| {
            translations
                .inner
                .iter()
                .find_map(|inner| locale_of(inner, code, wanted))
        })
}

/// Every locale of `translations`, added to `locales`: the type's own, then
/// those of its transparent variants' types, depth first.
pub(super) fn locales(translations: &'static Translations, locales: &mut Vec<&'static Locale>) {
    locales.extend(translations.own);
    for inner in translations.inner {
        self::locales(inner, locales);
    }
}

/// The language tags of `translations`, in order, each once (ignoring case),
/// added to `tags`.
pub(super) fn tags(translations: &'static Translations, tags: &mut Vec<&'static str>) {
    for locale in translations.own {
        if !tags.iter().any(|tag| tag.eq_ignore_ascii_case(locale.tag)) {
            tags.push(locale.tag);
        }
    }
    for inner in translations.inner {
        self::tags(inner, tags);
    }
}

/// Writes translations as templates, building each locale's bundle once.
#[derive(Default)]
pub(super) struct Templates {
    bundles: Vec<(&'static Locale, Option<Bundle>)>,
}

impl Templates {
    /// The translation of `code` in `locale`, in `style`; `None` when the
    /// locale does not translate it.
    pub(super) fn message(
        &mut self,
        locale: &'static Locale,
        code: &str,
        style: Style,
    ) -> Option<String> {
        let built = self
            .bundles
            .iter()
            .position(|(seen, _)| core::ptr::eq(*seen, locale));
        let at = built.unwrap_or_else(|| {
            self.bundles.push((locale, new_bundle(locale, add_number)));
            self.bundles.len() - 1
        });
        let bundle = self.bundles[at].1.as_ref()?;
        let pattern = bundle.get_message(code)?.value()?;
        // Fluent names each variable it lacks; given them all, marked, it
        // writes the template.
        let mut arguments = FluentArgs::new();
        let mut given: Vec<String> = Vec::new();
        loop {
            let mut problems = Vec::new();
            let text = bundle.format_pattern(pattern, Some(&arguments), &mut problems);
            let mut more = false;
            for problem in problems {
                if let FluentError::ResolverError(ResolverError::Reference(
                    ReferenceKind::Variable { id },
                )) = problem
                {
                    if !given.contains(&id) {
                        arguments.set(id.clone(), format!("{OPEN}{id}{CLOSE}"));
                        given.push(id);
                        more = true;
                    }
                }
            }
            if !more {
                return Some(style.apply(&text));
            }
        }
    }
}

impl Style {
    fn apply(self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            match (self, c) {
                (Style::Template, OPEN) => out.push('{'),
                (Style::Template, CLOSE) => out.push('}'),
                (Style::Template, '{') => out.push_str("{{"),
                (Style::Template, '}') => out.push_str("}}"),
                (Style::Body, OPEN) => out.push('<'),
                (Style::Body, CLOSE) => out.push('>'),
                _ => out.push(c),
            }
        }
        out
    }
}

/// `NUMBER`, which shows a marked variable as it is and formats numbers as
/// Fluent's own does.
fn add_number(bundle: &mut Bundle) -> bool {
    bundle
        .add_function("NUMBER", |positional, named| match positional.first() {
            Some(FluentValue::String(text)) => FluentValue::String(text.clone()),
            _ => fluent_bundle::builtins::NUMBER(positional, named),
        })
        .is_ok()
}
