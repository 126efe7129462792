//! `#[api(locales = "...")]`: the folder of `<lang>.ftl` translations (Project
//! Fluent's syntax), read and checked against the type at compile time.
//!
//! Each message id is a code of the type. A file that does not parse, a code
//! a locale does not translate (unless `fallback` covers it), a translation
//! of a code the type does not have and a placeholder naming a field the
//! variant does not have are errors at the `locales` literal, naming the
//! file, line and column.

use crate::ast::Input;
use crate::errors::Errors;

/// The translations of a type, as the expansion needs them.
pub(crate) struct Translations {
    pub files: Vec<LocaleFile>,
    /// Per variant (in order), the names of the fields some translation of
    /// its code uses, sorted and without repeats.
    pub arguments: Vec<Vec<String>>,
}

/// One `<lang>.ftl` file.
pub(crate) struct LocaleFile {
    /// The language tag: the file's name without `.ftl`.
    pub tag: String,
    /// Its absolute path, which the expansion includes so that cargo rebuilds
    /// the crate when the file changes.
    pub path: String,
}

/// Reads and checks the type's translations; `None` without a `locales` key
/// or when it was reported as wrong.
pub(crate) fn load(input: &Input, errors: &mut Errors) -> Option<Translations> {
    let Some(locales) = input.attrs.locales.as_ref() else {
        if let Some(fallback) = &input.attrs.fallback {
            errors.at(
                fallback.span,
                "`fallback` goes with `locales = \"...\"`: it says which codes a locale may leave to the default language",
            );
        }
        return None;
    };
    #[cfg(feature = "locales")]
    return enabled::load(input, &locales.folder, errors);
    // Without the feature, a `locales` key is an error saying how to enable
    // it, spanning the key and its folder.
    #[cfg(not(feature = "locales"))]
    {
        errors.between(locales.key, locales.folder.span(), FEATURE_OFF);
        None
    }
}

/// The error of a `locales` key when errcat's `locales` feature is off.
#[cfg(not(feature = "locales"))]
const FEATURE_OFF: &str = "`locales` needs errcat's `locales` feature, which reads and checks the translations: \
     `errcat = { version = \"...\", features = [\"locales\"] }` in Cargo.toml";

#[cfg(feature = "locales")]
mod enabled {
    use std::collections::BTreeSet;
    use std::path::PathBuf;

    use fluent_syntax::ast::{
        CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement, Resource,
    };
    use syn::LitStr;

    use super::{LocaleFile, Translations};
    use crate::ast::Input;
    use crate::errors::Errors;
    use crate::suggest;

    pub(super) fn load(
        input: &Input,
        literal: &LitStr,
        errors: &mut Errors,
    ) -> Option<Translations> {
        let (shown_folder, paths) = read_folder(literal, errors)?;
        let codes: Vec<(usize, String)> = input
            .variants
            .iter()
            .enumerate()
            .filter(|(_, variant)| variant.attrs.transparent.is_none())
            .map(|(index, variant)| (index, input.code(variant)))
            .collect();
        let mut arguments = vec![BTreeSet::new(); input.variants.len()];
        let mut files = Vec::new();
        let mut ok = true;
        for path in paths {
            let name = path
                .file_name()
                .map(|name| name.to_string_lossy().into_owned())
                .unwrap_or_default();
            let shown = format!("{shown_folder}/{name}");
            let tag = name.trim_end_matches(".ftl").to_owned();
            let valid_tag = !tag.is_empty()
                && tag.split('-').all(|part| {
                    !part.is_empty() && part.bytes().all(|byte| byte.is_ascii_alphanumeric())
                });
            if !valid_tag {
                errors.at(
                    literal.span(),
                    format_args!(
                        "`{shown}`: the name of a translation file is a language tag, like `de.ftl` or `pt-BR.ftl`"
                    ),
                );
                ok = false;
                continue;
            }
            let (Some(absolute), Ok(source)) = (
                path.to_str().map(str::to_owned),
                std::fs::read_to_string(&path),
            ) else {
                errors.at(
                    literal.span(),
                    format_args!("cannot read `{shown}` as UTF-8 text at a UTF-8 path"),
                );
                ok = false;
                continue;
            };
            let mut file = File {
                shown: &shown,
                source: &source,
                literal,
                errors,
                ok: true,
            };
            file.check(
                input,
                &codes,
                &mut arguments,
                input
                    .attrs
                    .fallback
                    .as_ref()
                    .is_some_and(|fallback| fallback.covers(&tag)),
            );
            ok &= file.ok;
            files.push(LocaleFile {
                tag,
                path: absolute,
            });
        }
        if let Some(only) = input
            .attrs
            .fallback
            .as_ref()
            .and_then(|fallback| fallback.only.as_ref())
        {
            for listed in only.value().split(',').map(str::trim) {
                if !files
                    .iter()
                    .any(|file| file.tag.eq_ignore_ascii_case(listed))
                {
                    let tags: Vec<String> =
                        files.iter().map(|file| format!("`{}`", file.tag)).collect();
                    errors.at(
                        only.span(),
                        format_args!(
                            "`fallback` names `{listed}`, but `{shown_folder}` has no `{listed}.ftl`; its locales are {}",
                            tags.join(", ")
                        ),
                    );
                    ok = false;
                }
            }
        }
        ok.then(|| Translations {
            files,
            arguments: arguments
                .into_iter()
                .map(|names| names.into_iter().collect())
                .collect(),
        })
    }

    /// The folder as written, and the paths of its `.ftl` files, sorted.
    fn read_folder(literal: &LitStr, errors: &mut Errors) -> Option<(String, Vec<PathBuf>)> {
        let folder_name = literal.value();
        let shown_folder = folder_name.trim_end_matches('/').to_owned();
        let Some(manifest) = std::env::var_os("CARGO_MANIFEST_DIR") else {
            errors.at(
                literal.span(),
                "`locales` needs cargo: CARGO_MANIFEST_DIR is not set",
            );
            return None;
        };
        let folder = PathBuf::from(manifest).join(&folder_name);
        let entries = match std::fs::read_dir(&folder) {
            Ok(entries) => entries,
            Err(error) => {
                errors.at(
                    literal.span(),
                    format_args!(
                        "cannot read the locales folder `{shown_folder}` (relative to the crate's manifest): {error}"
                    ),
                );
                return None;
            }
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        paths.sort();
        if paths.is_empty() {
            errors.at(
                literal.span(),
                format_args!("the locales folder `{shown_folder}` has no `<lang>.ftl` file"),
            );
            return None;
        }
        Some((shown_folder, paths))
    }

    struct File<'a> {
        shown: &'a str,
        source: &'a str,
        literal: &'a LitStr,
        errors: &'a mut Errors,
        ok: bool,
    }

    impl File<'_> {
        fn error(&mut self, at: &str, message: impl std::fmt::Display) {
            let (line, column) = line_column(self.source, at);
            self.errors.at(
                self.literal.span(),
                format_args!("`{}:{line}:{column}`: {message}", self.shown),
            );
            self.ok = false;
        }

        fn check(
            &mut self,
            input: &Input,
            codes: &[(usize, String)],
            arguments: &mut [BTreeSet<String>],
            fallback: bool,
        ) {
            let resource = match fluent_syntax::parser::parse(self.source) {
                Ok(resource) => resource,
                Err((_, problems)) => {
                    for problem in problems {
                        let at = self.source.get(problem.pos.start..).unwrap_or("");
                        self.error(at, format_args!("not Fluent syntax: {}", problem.kind));
                    }
                    return;
                }
            };
            let (messages, terms) = ids(&resource);
            let mut seen: Vec<&str> = Vec::new();
            for entry in &resource.body {
                let Entry::Message(message) = entry else {
                    continue;
                };
                let id = message.id.name;
                if seen.contains(&id) {
                    self.error(id, format_args!("`{id}` is translated twice"));
                    continue;
                }
                seen.push(id);
                let Some((index, _)) = codes.iter().find(|(_, code)| code == id) else {
                    let known = codes.iter().map(|(_, code)| code.as_str());
                    let hint = suggest::hint(id, known);
                    self.error(
                        id,
                        format_args!("`{id}` is no code of `{}`{hint}", input.ident),
                    );
                    continue;
                };
                let variant = &input.variants[*index];
                let Some(value) = &message.value else {
                    self.error(id, format_args!("`{id}` has no message, only attributes"));
                    continue;
                };
                let mut refs = Refs::default();
                pattern_variables(value, &mut refs);
                for name in refs.messages {
                    if !messages.contains(&name) {
                        self.error(
                            name,
                            format_args!("`{{ {name} }}` names no message of this file"),
                        );
                    }
                }
                for name in refs.terms {
                    if !terms.contains(&name) {
                        self.error(
                            name,
                            format_args!("`{{ -{name} }}` names no term of this file"),
                        );
                    }
                }
                for variable in refs.variables {
                    let at = dollar(self.source, variable);
                    let field = variant.fields.iter().find(|field| field.name() == variable);
                    match field {
                        Some(field) if field.attrs.source.is_some() => self.error(
                            at,
                            format_args!(
                                "`{{ ${variable} }}` is the error's source, which is never sent"
                            ),
                        ),
                        Some(_) => {
                            arguments[*index].insert(variable.to_owned());
                        }
                        None => {
                            let fields: Vec<String> =
                                variant.fields.iter().map(crate::ast::Field::name).collect();
                            let has = if fields.is_empty() {
                                "it has no fields".to_owned()
                            } else {
                                format!(
                                    "its fields are {}",
                                    suggest::one_of(fields.iter().map(String::as_str))
                                )
                            };
                            self.error(
                                at,
                                format_args!(
                                    "`{{ ${variable} }}` names no field of `{}`; {has}",
                                    variant.ident
                                ),
                            );
                        }
                    }
                }
            }
            if !fallback {
                self.check_missing(codes, &seen);
            }
        }

        fn check_missing(&mut self, codes: &[(usize, String)], seen: &[&str]) {
            let (missing, untranslatable): (Vec<&str>, Vec<&str>) = codes
                .iter()
                .map(|(_, code)| code.as_str())
                .filter(|code| !seen.contains(code))
                .partition(|code| is_fluent_id(code));
            for code in untranslatable {
                self.errors.at(
                    self.literal.span(),
                    format_args!(
                        "`{}` cannot translate `{code}`: a Fluent id is a letter followed by letters, digits, `_` and `-`; add `fallback` to `#[api(...)]` to answer it in the default language",
                        self.shown
                    ),
                );
                self.ok = false;
            }
            let missing: Vec<String> = missing.iter().map(|code| format!("`{code}`")).collect();
            if !missing.is_empty() {
                self.errors.at(
                    self.literal.span(),
                    format_args!(
                        "`{}` translates no {}; translate {}, or add `fallback` to `#[api(...)]` to answer {} in the default language",
                        self.shown,
                        missing.join(", "),
                        if missing.len() == 1 { "it" } else { "them" },
                        if missing.len() == 1 { "it" } else { "them" },
                    ),
                );
                self.ok = false;
            }
        }
    }

    /// Whether `code` can be a Fluent message id.
    fn is_fluent_id(code: &str) -> bool {
        let mut bytes = code.bytes();
        bytes
            .next()
            .is_some_and(|first| first.is_ascii_alphabetic())
            && bytes.all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'-')
    }

    /// The ids of the messages and of the terms of `resource`.
    fn ids<'s>(resource: &Resource<&'s str>) -> (Vec<&'s str>, Vec<&'s str>) {
        let mut messages = Vec::new();
        let mut terms = Vec::new();
        for entry in &resource.body {
            match entry {
                Entry::Message(message) => messages.push(message.id.name),
                Entry::Term(term) => terms.push(term.id.name),
                _ => {}
            }
        }
        (messages, terms)
    }

    /// The variable `name` (a slice of `source`) with its `$`.
    fn dollar<'s>(source: &'s str, name: &'s str) -> &'s str {
        let offset = (name.as_ptr() as usize).wrapping_sub(source.as_ptr() as usize);
        match offset.checked_sub(1).and_then(|start| source.get(start..)) {
            Some(with) if with.starts_with('$') => with,
            _ => name,
        }
    }

    /// The 1-based line and column (in characters) where `at`, a slice of
    /// `source`, begins; the end of `source` for any other text.
    fn line_column(source: &str, at: &str) -> (usize, usize) {
        let offset = (at.as_ptr() as usize)
            .checked_sub(source.as_ptr() as usize)
            .filter(|offset| *offset <= source.len())
            .unwrap_or(source.len());
        let before = source.get(..offset).unwrap_or(source);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (line, column)
    }

    /// What a pattern refers to: variables, messages and terms.
    #[derive(Default)]
    struct Refs<'s> {
        variables: Vec<&'s str>,
        messages: Vec<&'s str>,
        terms: Vec<&'s str>,
    }

    fn pattern_variables<'s>(pattern: &Pattern<&'s str>, out: &mut Refs<'s>) {
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables<'s>(expression: &Expression<&'s str>, out: &mut Refs<'s>) {
        match expression {
            Expression::Select { selector, variants } => {
                inline_variables(selector, out);
                for variant in variants {
                    pattern_variables(&variant.value, out);
                }
            }
            Expression::Inline(inline) => inline_variables(inline, out),
        }
    }

    fn inline_variables<'s>(inline: &InlineExpression<&'s str>, out: &mut Refs<'s>) {
        match inline {
            InlineExpression::VariableReference { id } => out.variables.push(id.name),
            InlineExpression::MessageReference { id, .. } => out.messages.push(id.name),
            InlineExpression::FunctionReference { arguments, .. } => {
                call_variables(arguments, out);
            }
            InlineExpression::TermReference { id, arguments, .. } => {
                out.terms.push(id.name);
                if let Some(arguments) = arguments {
                    call_variables(arguments, out);
                }
            }
            InlineExpression::Placeable { expression } => expression_variables(expression, out),
            InlineExpression::StringLiteral { .. } | InlineExpression::NumberLiteral { .. } => {}
        }
    }

    fn call_variables<'s>(arguments: &CallArguments<&'s str>, out: &mut Refs<'s>) {
        for positional in &arguments.positional {
            inline_variables(positional, out);
        }
        for named in &arguments.named {
            inline_variables(&named.value, out);
        }
    }
}

#[cfg(all(test, not(feature = "locales")))]
mod tests {
    /// Without the feature, `locales` (even with `fallback`) is one error,
    /// naming the feature, and the rest of the type derives as usual.
    #[test]
    fn a_locales_key_without_the_feature_names_it() {
        let input: proc_macro2::TokenStream =
            r#"#[api(status = 400, locales = "locales", fallback)] struct Refused;"#
                .parse()
                .unwrap();
        let output = crate::derive(input).to_string();
        let error = format!("compile_error ! {{ {:?} }}", super::FEATURE_OFF);
        assert_eq!(output.matches("compile_error").count(), 1, "{output}");
        assert!(output.contains(&error), "{output}");
    }
}
