//! Parsing of `#[api(...)]` into typed attribute values.
//!
//! Checks that need nothing but the value itself (a status in range, a known
//! rename rule, a well-formed template) happen here, so each error points at
//! its own tokens; checks across keys and fields live in `valid`.

mod key;
mod path;
mod values;

use proc_macro2::{Span, TokenStream};
use syn::parse::ParseStream;
use syn::{LitStr, Token};

use crate::case::RenameRule;
use crate::errors::Errors;
use crate::shared::formats::Builtin;
use crate::suggest;
use crate::template::Template;

use self::key::Key;
pub(crate) use self::key::Position;
use self::path::KeyPath;
pub(crate) use self::values::literal_text;
use self::values::{header_name_problem, is_flag, key_span, rest_of_value};

/// A status given as a number or a `StatusCode` constant.
#[derive(Clone, Copy)]
pub(crate) struct Status {
    pub number: u16,
}

/// A template-valued key (`message`, `details`) with its literal.
pub(crate) struct TemplateAttr {
    pub literal: LitStr,
    /// The literal's text, read once: `LitStr::value` unescapes anew on
    /// every call.
    pub text: String,
    pub template: Template,
}

pub(crate) enum Format {
    Builtin(Builtin),
    /// The path to the type, as written.
    Custom(TokenStream),
}

/// Keys of the type: defaults and container-wide settings.
#[derive(Default)]
pub(crate) struct TypeAttrs {
    pub status: Option<Status>,
    /// A default status was written but refused, and reported: a variant
    /// without a status of its own is then no new error.
    pub status_refused: bool,
    pub format: Option<Format>,
    /// A format was written but refused, and reported: checks against the
    /// default format would only add errors the user did not make.
    pub format_refused: bool,
    pub rename_all: Option<RenameRule>,
    pub type_base: Option<LitStr>,
    pub display: Option<Span>,
    pub challenge: Option<LitStr>,
    /// The folder of `<lang>.ftl` translations, relative to the manifest.
    pub locales: Option<Locales>,
    /// Codes a locale does not translate are answered in the default
    /// language: in every locale, or in those listed.
    pub fallback: Option<Fallback>,
}

/// `locales = "..."`: where the key is, and the folder it names.
pub(crate) struct Locales {
    /// Where the error of a `locales` key without the feature points.
    #[cfg_attr(feature = "locales", allow(dead_code))]
    pub key: Span,
    pub folder: LitStr,
}

/// `fallback` (every locale) or `fallback = "fr, it"` (those listed).
#[cfg_attr(not(feature = "locales"), allow(dead_code))]
pub(crate) struct Fallback {
    pub span: Span,
    pub only: Option<LitStr>,
}

#[cfg_attr(not(feature = "locales"), allow(dead_code))]
impl Fallback {
    /// Whether codes missing from `tag` fall back to the default language.
    pub(crate) fn covers(&self, tag: &str) -> bool {
        self.only.as_ref().is_none_or(|only| {
            only.value()
                .split(',')
                .any(|listed| listed.trim().eq_ignore_ascii_case(tag))
        })
    }
}

/// Keys of a variant (or of a struct, its single variant).
#[derive(Default)]
pub(crate) struct VariantAttrs {
    pub status: Option<Status>,
    /// A status was written but refused, and reported; see `TypeAttrs`.
    pub status_refused: bool,
    pub code: Option<LitStr>,
    pub message: Option<TemplateAttr>,
    pub details: Option<TemplateAttr>,
    pub transparent: Option<Span>,
    /// The note of `deprecated = "..."`: what to use instead.
    pub deprecated: Option<LitStr>,
}

#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub expose: Option<Expose>,
    pub details: Option<Span>,
    pub header: Option<LitStr>,
    /// The field is the error's `source()`.
    pub source: Option<Span>,
    /// Every key given, for "transparent takes no other key" checks.
    pub keys: Vec<(&'static str, Span)>,
}

pub(crate) struct Expose {
    pub span: Span,
    pub name: Option<LitStr>,
}

/// Everything parsed from one item's `#[api]` attributes; the caller keeps
/// the part its position can hold.
#[derive(Default)]
pub(crate) struct Attrs {
    pub ty: TypeAttrs,
    pub variant: VariantAttrs,
    pub field: FieldAttrs,
    /// Variant-level keys given, with their spans, for the transparent check.
    pub variant_keys: Vec<(&'static str, Span)>,
}

/// A key of `#[api(...)]` and the stream positioned after its name, where
/// its value (if any) follows.
pub(crate) struct Meta<'a> {
    pub path: KeyPath,
    pub input: ParseStream<'a>,
}

/// The parser of one item's `#[api]` attributes, fed each attribute's
/// contents in turn: a key is given once across all of them.
pub(crate) struct Parser<'e> {
    position: Position,
    seen: Vec<(&'static str, Span)>,
    out: Attrs,
    errors: &'e mut Errors,
}

impl<'e> Parser<'e> {
    pub(crate) fn new(position: Position, errors: &'e mut Errors) -> Self {
        Parser {
            position,
            seen: Vec::new(),
            out: Attrs::default(),
            errors,
        }
    }

    /// The contents of one `#[api(...)]`: keys separated by commas, parsed
    /// as syn's nested-meta parser does. Problems with a value are reported
    /// and the next key is read; the error returned ends the attribute.
    pub(crate) fn attribute(&mut self, input: ParseStream) -> syn::Result<()> {
        if input.is_empty() {
            return Ok(());
        }
        loop {
            let path = input.call(KeyPath::parse)?;
            self.key(&Meta { path, input })?;
            if input.is_empty() {
                return Ok(());
            }
            input.parse::<Token![,]>()?;
            if input.is_empty() {
                return Ok(());
            }
        }
    }

    pub(crate) fn report(&mut self, error: syn::Error) {
        self.errors.push(error);
    }

    pub(crate) fn finish(self) -> Attrs {
        self.out
    }
}

impl Parser<'_> {
    fn key(&mut self, meta: &Meta) -> syn::Result<()> {
        let span = key_span(meta);
        // Every key is one identifier; a longer path is only ever reported.
        let name = meta
            .path
            .get_ident()
            .map_or_else(|| meta.path.text(), ToString::to_string);
        let Some((name, key)) = Key::from_name(&name) else {
            self.unknown_key(&name, span);
            return rest_of_value(meta.input).map(drop);
        };
        if !key.accepted_at(self.position) {
            self.errors.at(
                span,
                format_args!(
                    "`{name}` goes on {}, not on {}",
                    key.home(),
                    self.position_name()
                ),
            );
            return rest_of_value(meta.input).map(drop);
        }
        if let Some((_, first)) = self.seen.iter().find(|(seen, _)| *seen == name) {
            self.errors.repeated(
                span,
                format_args!("`{name}` is given twice"),
                *first,
                format_args!("`{name}` first given here"),
            );
            return rest_of_value(meta.input).map(drop);
        }
        self.seen.push((name, span));
        let variant_key = matches!(
            key,
            Key::Status | Key::Code | Key::Message | Key::Details | Key::Deprecated
        );
        if variant_key && matches!(self.position, Position::Variant | Position::Struct) {
            self.out.variant_keys.push((name, span));
        }
        if self.position == Position::Field {
            self.out.field.keys.push((name, span));
        }
        self.value(key, name, meta)
    }

    fn unknown_key(&mut self, name: &str, span: Span) {
        let accepted: Vec<&str> = Key::ALL
            .iter()
            .filter(|(_, key)| key.accepted_at(self.position))
            .map(|(key_name, _)| *key_name)
            .collect();
        let hint = match suggest::closest(name, accepted.iter().copied()) {
            Some(meant) => {
                if let Some((_, key)) = Key::from_name(meant) {
                    self.refuse(key);
                }
                format!("; did you mean `{meant}`?")
            }
            None => format!(
                "; {} takes {}",
                self.position_name(),
                suggest::one_of(accepted)
            ),
        };
        self.errors.at(
            span,
            format_args!("unknown api attribute key `{name}`{hint}"),
        );
    }

    /// Records that `key` was meant but its value was refused (and reported),
    /// so that `valid` does not also report the key as missing.
    fn refuse(&mut self, key: Key) {
        match (key, self.position) {
            (Key::Status, Position::Enum) => self.out.ty.status_refused = true,
            (Key::Status, _) => self.out.variant.status_refused = true,
            (Key::Format, _) => self.out.ty.format_refused = true,
            _ => {}
        }
    }

    fn position_name(&self) -> &'static str {
        match self.position {
            Position::Enum => "an enum",
            Position::Variant => "a variant",
            Position::Struct => "a struct",
            Position::Field => "a field",
        }
    }

    fn value(&mut self, key: Key, name: &str, meta: &Meta) -> syn::Result<()> {
        match key {
            Key::Status => {
                let status = self.status(meta)?;
                if status.is_none() {
                    self.refuse(key);
                }
                if self.position == Position::Enum {
                    self.out.ty.status = status;
                } else {
                    self.out.variant.status = status;
                }
            }
            Key::Format => {
                self.out.ty.format = self.format(name, meta)?;
                if self.out.ty.format.is_none() {
                    self.refuse(key);
                }
            }
            Key::RenameAll => {
                if let Some(literal) = self.string(name, meta)? {
                    self.out.ty.rename_all = RenameRule::from_name(&literal.value());
                    if self.out.ty.rename_all.is_none() {
                        let names = RenameRule::ALL.iter().map(|(rule, _)| *rule);
                        self.errors.at(
                            literal.span(),
                            format_args!(
                                "unknown rename_all rule `{}`; expected one of {}",
                                literal.value(),
                                suggest::one_of(names)
                            ),
                        );
                    }
                }
            }
            Key::TypeBase => self.out.ty.type_base = self.string(name, meta)?,
            Key::Challenge => self.out.ty.challenge = self.string(name, meta)?,
            Key::Locales => {
                let key = key_span(meta);
                self.out.ty.locales = self
                    .string(name, meta)?
                    .map(|folder| Locales { key, folder });
            }
            Key::Fallback => {
                let span = key_span(meta);
                let only = if is_flag(meta.input) {
                    None
                } else {
                    self.string(name, meta)?
                };
                self.out.ty.fallback = Some(Fallback { span, only });
            }
            Key::Display => self.out.ty.display = self.flag(name, meta)?,
            Key::Transparent => self.out.variant.transparent = self.flag(name, meta)?,
            Key::Code => self.out.variant.code = self.code(name, meta)?,
            Key::Message => self.out.variant.message = self.template(name, meta)?,
            Key::Details if self.position == Position::Field => {
                self.out.field.details = self.flag(name, meta)?;
            }
            Key::Details => self.out.variant.details = self.template(name, meta)?,
            Key::Expose => {
                let span = key_span(meta);
                let name = if is_flag(meta.input) {
                    None
                } else {
                    self.string(name, meta)?
                };
                if let Some(literal) = name.as_ref().filter(|literal| literal.value().is_empty()) {
                    self.errors
                        .at(literal.span(), "an exposed member needs a non-empty name");
                }
                self.out.field.expose = Some(Expose { span, name });
            }
            Key::Source => self.out.field.source = self.flag(name, meta)?,
            Key::Deprecated => {
                self.out.variant.deprecated = self.string(name, meta)?;
                if let Some(note) = self.out.variant.deprecated.as_ref() {
                    if note.value().trim().is_empty() {
                        self.errors.at(
                            note.span(),
                            "`deprecated` needs a note saying what to use instead, like `deprecated = \"use `NewCode`\"`",
                        );
                    }
                }
            }
            Key::Header => {
                self.out.field.header = self.string(name, meta)?;
                if let Some(header) = &self.out.field.header {
                    if let Some(problem) = header_name_problem(&header.value()) {
                        self.errors.at(header.span(), problem);
                    }
                }
            }
        }
        Ok(())
    }
}
