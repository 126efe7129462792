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

    fn accepted_at(self, position: Position) -> bool {
        use Position::{Enum, Field, Struct, Variant};
        match self {
            Key::Status => matches!(position, Enum | Variant | Struct),
            Key::Format | Key::RenameAll | Key::TypeBase | Key::Display | Key::Challenge => {
                matches!(position, Enum | Struct)
            }
            Key::Code | Key::Message | Key::Transparent => matches!(position, Variant | Struct),
            Key::Details => true,
            Key::Expose | Key::Header => position == Field,
        }
    }

    /// Where the key belongs, for "goes on …" errors.
    fn home(self) -> &'static str {
        if self.accepted_at(Position::Field) {
            "a field"
        } else if self.accepted_at(Position::Variant) {
            "a variant (or a struct)"
        } else {
            "the type"
        }
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
    pub format: Option<Format>,
    pub rename_all: Option<RenameRule>,
    pub type_base: Option<LitStr>,
    pub display: Option<Span>,
    pub challenge: Option<LitStr>,
}

/// Keys of a variant (or of a struct, its single variant).
#[derive(Default, Clone)]
pub(crate) struct VariantAttrs {
    pub status: Option<Status>,
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
    pub keys: Vec<Span>,
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
        let Some((name, key)) = Key::ALL.into_iter().find(|(key_name, _)| *key_name == name) else {
            let accepted = Key::ALL
                .iter()
                .filter(|(_, key)| key.accepted_at(self.position))
                .map(|(key_name, _)| *key_name);
            let hint = suggest::hint(&name, accepted);
            self.errors.at(
                span,
                format_args!("unknown api attribute key `{name}`{hint}"),
            );
            return skip_value(meta.input);
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
            return skip_value(meta.input);
        }
        if let Some((_, first)) = self.seen.iter().find(|(seen, _)| *seen == name) {
            self.errors.repeated(
                span,
                format_args!("`{name}` is given twice"),
                *first,
                format_args!("`{name}` first given here"),
            );
            return skip_value(meta.input);
        }
        self.seen.push((name, span));
        let variant_key = matches!(key, Key::Status | Key::Code | Key::Message | Key::Details);
        if variant_key && matches!(self.position, Position::Variant | Position::Struct) {
            self.out.variant_keys.push((name, span));
        }
        if self.position == Position::Field {
            self.out.field.keys.push(span);
        }
        self.value(key, name, meta)
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
        let input = meta.input;
        match key {
            Key::Status => {
                let status = self.status(input)?;
                if self.position == Position::Enum {
                    self.out.ty.status = status;
                } else {
                    self.out.variant.status = status;
                }
            }
            Key::Format => self.out.ty.format = self.format(name, input)?,
            Key::RenameAll => {
                if let Some(literal) = self.string(name, input)? {
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
            Key::TypeBase => self.out.ty.type_base = self.string(name, input)?,
            Key::Challenge => self.out.ty.challenge = self.string(name, input)?,
            Key::Display => self.out.ty.display = self.flag(name, meta)?,
            Key::Transparent => self.out.variant.transparent = self.flag(name, meta)?,
            Key::Code => self.out.variant.code = self.code(name, input)?,
            Key::Message => self.out.variant.message = self.template(name, input)?,
            Key::Details if self.position == Position::Field => {
                self.out.field.details = self.flag(name, meta)?;
            }
            Key::Details => self.out.variant.details = self.template(name, input)?,
            Key::Expose => {
                let span = meta.path.span();
                let name = if input.peek(Token![=]) {
                    self.string("expose", input)?
                } else {
                    None
                };
                if let Some(literal) = name.as_ref().filter(|literal| literal.value().is_empty()) {
                    self.errors
                        .at(literal.span(), "an exposed member needs a non-empty name");
                }
                self.out.field.expose = Some(Expose { span, name });
            }
            Key::Header => {
                self.out.field.header = self.string(name, input)?;
                if let Some(header) = &self.out.field.header {
                    if !is_header_name(&header.value()) {
                        self.errors.at(
                            header.span(),
                            format_args!(
                                "`{}` is not a valid header name: use letters, digits and `!#$%&'*+-.^_`|~`",
                                header.value().escape_debug()
                            ),
                        );
                    }
                }
            }
        }
        Ok(())
    }

    fn status(&mut self, input: ParseStream) -> syn::Result<Option<Status>> {
        let value = expect_value("status", input)?;
        if value.peek(LitInt) {
            let literal: LitInt = value.parse()?;
            let number = literal
                .base10_parse::<u16>()
                .ok()
                .filter(|n| status::ERROR_RANGE.contains(n));
            if number.is_none() {
                self.errors.at(
                    literal.span(),
                    format_args!(
                        "status {literal} is not an error status: use an integer in 400–599"
                    ),
                );
            }
            return Ok(number.map(|number| Status { number }));
        }
        if value.peek(syn::Ident) || value.peek(Token![::]) {
            let path: Path = value.parse()?;
            return Ok(self.status_constant(&path));
        }
        self.not_a(value, "`status` takes an integer in 400–599 or a StatusCode constant, like `status = 409` or `status = CONFLICT`")?;
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

    fn format(&mut self, name: &str, input: ParseStream) -> syn::Result<Option<Format>> {
        let value = expect_value(name, input)?;
        if value.peek(LitStr) {
            let literal: LitStr = value.parse()?;
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
        if value.peek(syn::Ident) || value.peek(Token![::]) {
            return Ok(Some(Format::Custom(value.parse()?)));
        }
        self.not_a(value, "`format` takes a shape name like `format = \"nested\"` or a path to a type implementing `errcat::Format`")?;
        Ok(None)
    }

    fn code(&mut self, name: &str, input: ParseStream) -> syn::Result<Option<LitStr>> {
        let code = self.string(name, input)?;
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

    fn template(&mut self, name: &str, input: ParseStream) -> syn::Result<Option<TemplateAttr>> {
        let Some(literal) = self.string(name, input)? else {
            return Ok(None);
        };
        match Template::parse(&literal.value()) {
            Ok(template) => Ok(Some(TemplateAttr { literal, template })),
            Err(problem) => {
                self.errors.at(literal.span(), problem);
                Ok(None)
            }
        }
    }

    /// A string literal after `=`; anything else is reported and skipped.
    fn string(&mut self, name: &str, input: ParseStream) -> syn::Result<Option<LitStr>> {
        let value = expect_value(name, input)?;
        if value.peek(LitStr) {
            return Ok(Some(value.parse()?));
        }
        self.not_a(
            value,
            &format!("`{name}` takes a string literal, like `{name} = \"...\"`"),
        )?;
        Ok(None)
    }

    fn flag(&mut self, name: &str, meta: &ParseNestedMeta) -> syn::Result<Option<Span>> {
        if meta.input.is_empty() || meta.input.peek(Token![,]) {
            return Ok(Some(meta.path.span()));
        }
        self.not_a(
            meta.input,
            &format!("`{name}` takes no value; write just `{name}`"),
        )?;
        Ok(None)
    }

    /// Reports the value tokens up to the next `,` as not being what `expected`
    /// describes, and skips them so the rest of the attribute is still read.
    fn not_a(&mut self, input: ParseStream, expected: &str) -> syn::Result<()> {
        let mut tokens = TokenStream::new();
        while !input.is_empty() && !input.peek(Token![,]) {
            tokens.extend([input.parse::<TokenTree>()?]);
        }
        self.errors.push(syn::Error::new_spanned(tokens, expected));
        Ok(())
    }
}

/// Consumes `=` and returns the stream at the value.
fn expect_value<'a>(name: &str, input: ParseStream<'a>) -> syn::Result<ParseStream<'a>> {
    if input.peek(Token![=]) {
        input.parse::<Token![=]>()?;
        Ok(input)
    } else {
        Err(input.error(format_args!("`{name}` needs a value: `{name} = ...`")))
    }
}

/// Skips a key's value, if any, up to the next `,`.
fn skip_value(input: ParseStream) -> syn::Result<()> {
    while !input.is_empty() && !input.peek(Token![,]) {
        input.parse::<TokenTree>()?;
    }
    Ok(())
}

/// RFC 9110 token characters.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte))
}
