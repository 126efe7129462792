//! Parsers of the keys' values: each reads the tokens up to the next `,`,
//! checks what the value alone can tell, and reports a problem at the value.

use proc_macro2::{Ident, Span, TokenStream, TokenTree};
use syn::parse::ParseStream;
use syn::{Lit, LitInt, LitStr, Token};

use super::path::value_segments;
use super::{Format, Meta, Parser, Status, TemplateAttr};
use crate::shared::formats::Builtin;
use crate::status;
use crate::suggest;
use crate::template::Template;

impl Parser<'_> {
    pub(super) fn status(&mut self, meta: &Meta) -> syn::Result<Option<Status>> {
        const EXPECTED: &str = "`status` takes an integer in 400–599 or a StatusCode constant, like `status = 409` or `status = CONFLICT`";
        match lone_literal(meta.input)? {
            Some(Lit::Int(literal)) => return Ok(self.status_number(&literal, None)),
            Some(other) => {
                self.errors.at(other.span(), EXPECTED);
                return Ok(None);
            }
            None => {}
        }
        let Some(value) = self.value_tokens("status", meta)? else {
            return Ok(None);
        };
        if let Ok(literal) = syn::parse2::<LitInt>(value.clone()) {
            return Ok(self.status_number(&literal, Some(&value)));
        }
        if let Some(segments) = value_segments(&value) {
            return Ok(self.status_constant(&segments, &value));
        }
        self.not_a(&value, EXPECTED);
        Ok(None)
    }

    /// The status `literal`, written as `value` when that is more than the
    /// literal (`-404` is two tokens).
    fn status_number(&mut self, literal: &LitInt, value: Option<&TokenStream>) -> Option<Status> {
        let number = literal
            .base10_parse::<u16>()
            .ok()
            .filter(|n| status::ERROR_RANGE.contains(n));
        if number.is_none() {
            let problem =
                format!("status {literal} is not an error status: use an integer in 400–599");
            match value {
                Some(value) => self.errors.spanning(value, problem),
                None => self.errors.at(literal.span(), problem),
            }
        }
        number.map(|number| Status { number })
    }

    /// The status a path names, its `segments` written as `path`.
    fn status_constant(&mut self, segments: &[Ident], path: &TokenStream) -> Option<Status> {
        let span = segments.last()?.span();
        let segments: Vec<String> = segments.iter().map(ToString::to_string).collect();
        let (name, qualifier) = segments.split_last()?;
        if qualifier.last().is_some_and(|owner| owner != "StatusCode") {
            self.errors.spanning(
                path,
                "expected a StatusCode constant, like `CONFLICT` or `StatusCode::CONFLICT`",
            );
            return None;
        }
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

    pub(super) fn format(&mut self, name: &str, meta: &Meta) -> syn::Result<Option<Format>> {
        const EXPECTED: &str = "`format` takes a format name like `format = \"nested\"` or a path to a type implementing `errcat::Format`";
        let literal = match lone_literal(meta.input)? {
            Some(Lit::Str(literal)) => Some(literal),
            Some(other) => {
                self.errors.at(other.span(), EXPECTED);
                return Ok(None);
            }
            None => None,
        };
        let value = match literal {
            Some(literal) => Ok(literal),
            None => match self.value_tokens(name, meta)? {
                Some(value) => syn::parse2::<LitStr>(value.clone()).map_err(|_| value),
                None => return Ok(None),
            },
        };
        if let Ok(literal) = &value {
            let format = Builtin::from_name(&literal.value());
            if format.is_none() {
                let names = Builtin::ALL.iter().map(|format| format.name());
                self.errors.at(
                    literal.span(),
                    format_args!(
                        "unknown format `{}`; expected one of {}, or a path to a type implementing `errcat::Format`",
                        literal.value(),
                        suggest::one_of(names)
                    ),
                );
            }
            return Ok(format.map(Format::Builtin));
        }
        let Err(value) = value else {
            return Ok(None);
        };
        if value_segments(&value).is_some() {
            return Ok(Some(Format::Custom(value)));
        }
        self.not_a(&value, EXPECTED);
        Ok(None)
    }

    pub(super) fn code(&mut self, name: &str, meta: &Meta) -> syn::Result<Option<LitStr>> {
        let code = self.string(name, meta)?;
        if let Some(literal) = &code {
            let value = literal.value();
            // Its characters are checked with those of derived codes, in `valid`.
            if value.is_empty() {
                self.errors.at(literal.span(), "a code cannot be empty");
            }
        }
        Ok(code)
    }

    pub(super) fn template(
        &mut self,
        name: &str,
        meta: &Meta,
    ) -> syn::Result<Option<TemplateAttr>> {
        let Some(literal) = self.string(name, meta)? else {
            return Ok(None);
        };
        let text = string_value(&literal);
        if text.is_empty() {
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
        match Template::parse(&text) {
            Ok(template) => Ok(Some(TemplateAttr {
                literal,
                text,
                template,
            })),
            Err(problem) => {
                self.errors.at(literal.span(), problem);
                Ok(None)
            }
        }
    }

    /// A string literal after `=`; anything else is reported and skipped.
    pub(super) fn string(&mut self, name: &str, meta: &Meta) -> syn::Result<Option<LitStr>> {
        // Written only for a value it refuses: most values are string literals.
        let expected = || format!("`{name}` takes a string literal, like `{name} = \"...\"`");
        let value = match lone_literal(meta.input)? {
            Some(Lit::Str(literal)) => return Ok(Some(literal)),
            Some(other) => {
                self.errors.at(other.span(), expected());
                return Ok(None);
            }
            None => match self.value_tokens(name, meta)? {
                Some(value) => value,
                None => return Ok(None),
            },
        };
        if let Ok(literal) = syn::parse2::<LitStr>(value.clone()) {
            return Ok(Some(literal));
        }
        self.not_a(&value, &expected());
        Ok(None)
    }

    pub(super) fn flag(&mut self, name: &str, meta: &Meta) -> syn::Result<Option<Span>> {
        if is_flag(meta.input) {
            return Ok(Some(key_span(meta)));
        }
        let value = rest_of_value(meta.input)?;
        self.not_a(
            &value,
            &format!("`{name}` takes no value; write just `{name}`"),
        );
        Ok(None)
    }

    /// The whole value after `=`, up to the next `,`. Taking it whole lets a
    /// value of the wrong form (`400 + 9`, `concat!(..)`) be reported at all
    /// its tokens, and the rest of the attribute still be read.
    fn value_tokens(&mut self, name: &str, meta: &Meta) -> syn::Result<Option<TokenStream>> {
        let eq: Option<Token![=]> = meta.input.parse()?;
        let value = rest_of_value(meta.input)?;
        if eq.is_none() || value.is_empty() {
            let (start, end) = meta.path.range();
            self.errors.between(
                start,
                end,
                format_args!("`{name}` needs a value: `{name} = ...`"),
            );
            return Ok(None);
        }
        Ok(Some(value))
    }

    /// Reports `value` as not being what `expected` describes.
    fn not_a(&mut self, value: &TokenStream, expected: &str) {
        self.errors.spanning(value, expected);
    }
}

/// `= <literal>` up to the next `,`, the form almost every value has, read
/// in place: collecting the value's tokens first (`value_tokens`) costs more
/// than parsing it. `None`, consuming nothing, for any other form.
fn lone_literal(input: ParseStream) -> syn::Result<Option<Lit>> {
    let Some((eq, rest)) = input.cursor().punct() else {
        return Ok(None);
    };
    let lone = eq.as_char() == '='
        && rest.literal().is_some_and(|(_, after)| {
            after.eof()
                || after
                    .punct()
                    .is_some_and(|(comma, _)| comma.as_char() == ',')
        });
    if !lone {
        return Ok(None);
    }
    input.parse::<Token![=]>()?;
    // A string with nothing to unescape is taken as it is: `Lit`'s parser
    // would unescape it to find where a suffix starts.
    let plain = input.step(|cursor| {
        let Some((literal, rest)) = cursor.literal() else {
            return Ok((None, *cursor));
        };
        let repr = literal.to_string();
        Ok(match verbatim(&repr) {
            Some(text) => (Some(LitStr::new(text, literal.span())), rest),
            None => (None, *cursor),
        })
    })?;
    match plain {
        Some(literal) => Ok(Some(Lit::Str(literal))),
        None => input.parse().map(Some),
    }
}

/// Where the key stands: every key is one identifier, and a longer path
/// stands where it starts.
pub(super) fn key_span(meta: &Meta) -> Span {
    meta.path
        .get_ident()
        .map_or_else(|| meta.path.span(), proc_macro2::Ident::span)
}

/// The text of a string literal. `LitStr::value` unescapes it character by
/// character; most literals, doc comments included, have nothing to
/// unescape.
pub(super) fn string_value(literal: &LitStr) -> String {
    let repr = literal.token().to_string();
    verbatim(&repr).map_or_else(|| literal.value(), str::to_owned)
}

/// The text of `literal` when it is a string literal, its source read once
/// (each read of a token's text crosses into rustc): for doc comments.
pub(crate) fn literal_text(literal: &proc_macro2::Literal) -> Option<String> {
    let repr = literal.to_string();
    if let Some(text) = verbatim(&repr) {
        return Some(text.to_owned());
    }
    match syn::Lit::new(literal.clone()) {
        syn::Lit::Str(text) => Some(text.value()),
        _ => None,
    }
}

/// The text of a raw string literal (`r"..."`, `r#"..."#`, as rustc writes
/// doc comments), or of a plain one without a backslash; `None` for any
/// other literal, a suffixed one included.
fn verbatim(repr: &str) -> Option<&str> {
    if let Some(raw) = repr.strip_prefix('r') {
        let hashes = raw.len() - raw.trim_start_matches('#').len();
        let body = raw[hashes..].strip_prefix('"')?;
        return body.strip_suffix(&raw[..hashes])?.strip_suffix('"');
    }
    let text = repr.strip_prefix('"')?.strip_suffix('"')?;
    (!text.contains('\\')).then_some(text)
}

/// Whether a key stands alone, without a value.
pub(super) fn is_flag(input: ParseStream) -> bool {
    input.is_empty() || input.peek(Token![,])
}

/// Takes the tokens up to the next `,`: a key's value, or what is left of it.
pub(super) fn rest_of_value(input: ParseStream) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !is_flag(input) {
        tokens.extend([input.parse::<TokenTree>()?]);
    }
    Ok(tokens)
}

/// Headers the response writes itself, from the format and the body.
const RESERVED_HEADERS: [&str; 3] = ["Content-Type", "Content-Length", "Transfer-Encoding"];

/// Why `name` is not an RFC 9110 field name (a token) a field may set, if it
/// is not.
pub(super) fn header_name_problem(name: &str) -> Option<String> {
    const PUNCTUATION: &str = "!#$%&'*+-.^_`|~";
    if let Some(reserved) = RESERVED_HEADERS
        .iter()
        .find(|reserved| reserved.eq_ignore_ascii_case(name))
    {
        return Some(format!(
            "`{reserved}` is written by errcat from the format and the body; a field cannot set it"
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

#[cfg(test)]
mod tests {
    use super::verbatim;

    #[test]
    fn verbatim_text_is_that_of_literals_without_escapes() {
        assert_eq!(verbatim(r#""No user {id}""#), Some("No user {id}"));
        assert_eq!(verbatim(r#"r" A doc line.""#), Some(" A doc line."));
        assert_eq!(
            verbatim(r###"r##"say "# and \n"##"###),
            Some(r##"say "# and \n"##)
        );
        assert_eq!(verbatim(r#""""#), Some(""));
        // Escapes and suffixes are left to `LitStr::value`.
        assert_eq!(verbatim(r#""a\"b""#), None);
        assert_eq!(verbatim(r#""a\nb""#), None);
        assert_eq!(verbatim(r#""a"suffix"#), None);
        assert_eq!(verbatim(r#"r"a"suffix"#), None);
    }
}
