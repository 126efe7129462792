//! Parsing of `#[api(...)]` into typed attribute values.
//!
//! Checks that need nothing but the value itself (a status in range, a known
//! rename rule, a well-formed template) happen here, so each error points at
//! its own tokens; checks across keys and fields live in `valid`.

use proc_macro2::{Span, TokenStream, TokenTree};
use quote::ToTokens;
use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::spanned::Spanned;
use syn::{Attribute, LitInt, LitStr, Path, Token};

use crate::case::RenameRule;
use crate::errors::Errors;
use crate::shape::Shape;
use crate::status;
use crate::suggest;
use crate::template::Template;

/// Where an `#[api]` attribute sits; decides which keys it takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Position {
    Enum,
    Variant,
    /// A struct is its own single variant: it takes the keys of both.
    Struct,
    Field,
}

/// The keys of `#[api(...)]`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    Status,
    Format,
    RenameAll,
    TypeBase,
    Display,
    Challenge,
    Code,
    Message,
    Details,
    Transparent,
    Expose,
    Header,
}

impl Key {
    const ALL: [(&'static str, Key); 12] = [
        ("status", Key::Status),
        ("format", Key::Format),
        ("rename_all", Key::RenameAll),
        ("type_base", Key::TypeBase),
        ("display", Key::Display),
        ("challenge", Key::Challenge),
        ("code", Key::Code),
        ("message", Key::Message),
        ("details", Key::Details),
        ("transparent", Key::Transparent),
        ("expose", Key::Expose),
        ("header", Key::Header),
    ];

    fn from_name(name: &str) -> Option<(&'static str, Key)> {
        Key::ALL.into_iter().find(|(key_name, _)| *key_name == name)
    }

    fn accepted_at(self, position: Position) -> bool {
        use Position::{Enum, Field, Struct, Variant};
        match self {
            Key::Status => matches!(position, Enum | Variant | Struct),
            Key::Format | Key::RenameAll | Key::TypeBase | Key::Display | Key::Challenge => {
                matches!(position, Enum | Struct)
            }
            Key::Code | Key::Message | Key::Transparent => matches!(position, Variant | Struct),
            Key::Details => matches!(position, Variant | Struct | Field),
            Key::Expose | Key::Header => position == Field,
        }
    }

    /// Where the key belongs, for "goes on …" errors.
    fn home(self) -> String {
        let homes: Vec<&str> = [
            (Position::Enum, "the type"),
            (Position::Variant, "a variant"),
            (Position::Field, "a field"),
        ]
        .into_iter()
        .filter(|(position, _)| self.accepted_at(*position))
        .map(|(_, home)| home)
        .collect();
        homes.join(" or ")
    }
}

/// A status given as a number or a `StatusCode` constant.
#[derive(Clone, Copy)]
pub(crate) struct Status {
    pub number: u16,
}

/// A template-valued key (`message`, `details`) with its literal.
#[derive(Clone)]
pub(crate) struct TemplateAttr {
    pub literal: LitStr,
    pub template: Template,
}

#[derive(Clone)]
pub(crate) enum Format {
    Builtin(Shape),
    Custom(Path),
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
    /// default shape would only add errors the user did not make.
    pub format_refused: bool,
    pub rename_all: Option<RenameRule>,
    pub type_base: Option<LitStr>,
    pub display: Option<Span>,
    pub challenge: Option<LitStr>,
}

/// Keys of a variant (or of a struct, its single variant).
#[derive(Default, Clone)]
pub(crate) struct VariantAttrs {
    pub status: Option<Status>,
    /// A status was written but refused, and reported; see `TypeAttrs`.
    pub status_refused: bool,
    pub code: Option<LitStr>,
    pub message: Option<TemplateAttr>,
    pub details: Option<TemplateAttr>,
    pub transparent: Option<Span>,
}

#[derive(Default)]
pub(crate) struct FieldAttrs {
    pub expose: Option<Expose>,
    pub details: Option<Span>,
    pub header: Option<LitStr>,
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

pub(crate) fn parse(attrs: &[Attribute], position: Position, errors: &mut Errors) -> Attrs {
    let mut parser = Parser {
        position,
        seen: Vec::new(),
        out: Attrs::default(),
        errors,
    };
    for attr in attrs.iter().filter(|attr| attr.path().is_ident("api")) {
        if let Err(error) = attr.parse_nested_meta(|meta| parser.key(&meta)) {
            parser.errors.push(error);
        }
    }
    parser.out
}

struct Parser<'e> {
    position: Position,
    seen: Vec<(&'static str, Span)>,
    out: Attrs,
    errors: &'e mut Errors,
}

impl Parser<'_> {
    fn key(&mut self, meta: &ParseNestedMeta) -> syn::Result<()> {
        let span = meta.path.span();
        let name = meta.path.to_token_stream().to_string().replace(' ', "");
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
        let variant_key = matches!(key, Key::Status | Key::Code | Key::Message | Key::Details);
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

    fn value(&mut self, key: Key, name: &str, meta: &ParseNestedMeta) -> syn::Result<()> {
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
            Key::Display => self.out.ty.display = self.flag(name, meta)?,
            Key::Transparent => self.out.variant.transparent = self.flag(name, meta)?,
            Key::Code => self.out.variant.code = self.code(name, meta)?,
            Key::Message => self.out.variant.message = self.template(name, meta)?,
            Key::Details if self.position == Position::Field => {
                self.out.field.details = self.flag(name, meta)?;
            }
            Key::Details => self.out.variant.details = self.template(name, meta)?,
            Key::Expose => {
                let span = meta.path.span();
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

    fn status(&mut self, meta: &ParseNestedMeta) -> syn::Result<Option<Status>> {
        let Some(value) = self.value_tokens("status", meta)? else {
            return Ok(None);
        };
        if let Ok(literal) = syn::parse2::<LitInt>(value.clone()) {
            let number = literal
                .base10_parse::<u16>()
                .ok()
                .filter(|n| status::ERROR_RANGE.contains(n));
            if number.is_none() {
                self.errors.push(syn::Error::new_spanned(
                    value,
                    format_args!(
                        "status {literal} is not an error status: use an integer in 400–599"
                    ),
                ));
            }
            return Ok(number.map(|number| Status { number }));
        }
        if let Ok(path) = syn::parse2::<Path>(value.clone()) {
            return Ok(self.status_constant(&path));
        }
        self.not_a(value, "`status` takes an integer in 400–599 or a StatusCode constant, like `status = 409` or `status = CONFLICT`");
        Ok(None)
    }

    fn status_constant(&mut self, path: &Path) -> Option<Status> {
        let segments: Vec<String> = path
            .segments
            .iter()
            .map(|segment| segment.ident.to_string())
            .collect();
        let (name, qualifier) = segments.split_last()?;
        if qualifier.last().is_some_and(|owner| owner != "StatusCode") {
            self.errors.push(syn::Error::new_spanned(
                path,
                "expected a StatusCode constant, like `CONFLICT` or `StatusCode::CONFLICT`",
            ));
            return None;
        }
        let span = path
            .segments
            .last()
            .map_or_else(|| path.span(), |segment| segment.ident.span());
        match status::by_name(name) {
            Some(number) if status::ERROR_RANGE.contains(&number) => Some(Status { number }),
            Some(number) => {
                self.errors.at(
                    span,
                    format_args!("StatusCode::{name} is {number}, not an error status: use a status in 400–599"),
                );
                None
            }
            None => {
                let hint = suggest::hint(name, status::names());
                self.errors.at(
                    span,
                    format_args!("unknown StatusCode constant `{name}`{hint}"),
                );
                None
            }
        }
    }

    fn format(&mut self, name: &str, meta: &ParseNestedMeta) -> syn::Result<Option<Format>> {
        let Some(value) = self.value_tokens(name, meta)? else {
            return Ok(None);
        };
        if let Ok(literal) = syn::parse2::<LitStr>(value.clone()) {
            let shape = Shape::from_name(&literal.value());
            if shape.is_none() {
                let names = Shape::ALL.iter().map(|(shape, _)| *shape);
                self.errors.at(
                    literal.span(),
                    format_args!(
                        "unknown format `{}`; expected one of {}, or a path to a type implementing `errcat::Format`",
                        literal.value(),
                        suggest::one_of(names)
                    ),
                );
            }
            return Ok(shape.map(Format::Builtin));
        }
        if let Ok(path) = syn::parse2::<Path>(value.clone()) {
            return Ok(Some(Format::Custom(path)));
        }
        self.not_a(value, "`format` takes a shape name like `format = \"nested\"` or a path to a type implementing `errcat::Format`");
        Ok(None)
    }

    fn code(&mut self, name: &str, meta: &ParseNestedMeta) -> syn::Result<Option<LitStr>> {
        let code = self.string(name, meta)?;
        if let Some(literal) = &code {
            let value = literal.value();
            if value.is_empty() {
                self.errors.at(literal.span(), "a code cannot be empty");
            } else if value.chars().any(|c| c.is_whitespace() || c.is_control()) {
                self.errors.at(
                    literal.span(),
                    format_args!(
                        "code `{}` contains whitespace or control characters; codes are single tokens like `EmailAlreadyExists`",
                        value.escape_debug()
                    ),
                );
            }
        }
        Ok(code)
    }

    fn template(
        &mut self,
        name: &str,
        meta: &ParseNestedMeta,
    ) -> syn::Result<Option<TemplateAttr>> {
        let Some(literal) = self.string(name, meta)? else {
            return Ok(None);
        };
        if literal.value().is_empty() {
            let instead = if name == "message" {
                "; without `message`, the status's reason phrase is the message"
            } else {
                ""
            };
            self.errors.at(
                literal.span(),
                format_args!("`{name}` cannot be empty{instead}"),
            );
            return Ok(None);
        }
        match Template::parse(&literal.value()) {
            Ok(template) => Ok(Some(TemplateAttr { literal, template })),
            Err(problem) => {
                self.errors.at(literal.span(), problem);
                Ok(None)
            }
        }
    }

    /// A string literal after `=`; anything else is reported and skipped.
    fn string(&mut self, name: &str, meta: &ParseNestedMeta) -> syn::Result<Option<LitStr>> {
        let Some(value) = self.value_tokens(name, meta)? else {
            return Ok(None);
        };
        if let Ok(literal) = syn::parse2::<LitStr>(value.clone()) {
            return Ok(Some(literal));
        }
        self.not_a(
            value,
            &format!("`{name}` takes a string literal, like `{name} = \"...\"`"),
        );
        Ok(None)
    }

    fn flag(&mut self, name: &str, meta: &ParseNestedMeta) -> syn::Result<Option<Span>> {
        if is_flag(meta.input) {
            return Ok(Some(meta.path.span()));
        }
        let value = rest_of_value(meta.input)?;
        self.not_a(
            value,
            &format!("`{name}` takes no value; write just `{name}`"),
        );
        Ok(None)
    }

    /// The whole value after `=`, up to the next `,`. Taking it whole lets a
    /// value of the wrong form (`400 + 9`, `concat!(..)`) be reported at all
    /// its tokens, and the rest of the attribute still be read.
    fn value_tokens(
        &mut self,
        name: &str,
        meta: &ParseNestedMeta,
    ) -> syn::Result<Option<TokenStream>> {
        let eq: Option<Token![=]> = meta.input.parse()?;
        let value = rest_of_value(meta.input)?;
        if eq.is_none() || value.is_empty() {
            self.errors.push(syn::Error::new_spanned(
                &meta.path,
                format_args!("`{name}` needs a value: `{name} = ...`"),
            ));
            return Ok(None);
        }
        Ok(Some(value))
    }

    /// Reports `value` as not being what `expected` describes.
    fn not_a(&mut self, value: TokenStream, expected: &str) {
        self.errors.push(syn::Error::new_spanned(value, expected));
    }
}

/// Whether a key stands alone, without a value.
fn is_flag(input: ParseStream) -> bool {
    input.is_empty() || input.peek(Token![,])
}

/// Takes the tokens up to the next `,`: a key's value, or what is left of it.
fn rest_of_value(input: ParseStream) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !is_flag(input) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(tokens)
}

/// Headers the response writes itself, from the shape and the body.
const RESERVED_HEADERS: [&str; 3] = ["Content-Type", "Content-Length", "Transfer-Encoding"];

/// Why `name` is not an RFC 9110 field name (a token) a field may set, if it
/// is not.
fn header_name_problem(name: &str) -> Option<String> {
    const PUNCTUATION: &str = "!#$%&'*+-.^_`|~";
    if let Some(reserved) = RESERVED_HEADERS
        .iter()
        .find(|reserved| reserved.eq_ignore_ascii_case(name))
    {
        return Some(format!(
            "`{reserved}` is written by errcat from the wire shape and the body; a field cannot set it"
        ));
    }
    let problem = if name.is_empty() {
        "a header name cannot be empty".to_owned()
    } else {
        let bad = name
            .chars()
            .find(|c| !(c.is_ascii_alphanumeric() || PUNCTUATION.contains(*c)))?;
        format!(
            "`{}` is not a valid header name: {bad:?} is not allowed",
            name.escape_debug()
        )
    };
    Some(format!(
        "{problem}; header names are made of ASCII letters, digits and {PUNCTUATION}, like `Retry-After`"
    ))
}
