//! The lock file: one TOML table per code, written and read by hand so that
//! the same contract is always the same bytes.
//!
//! The format is a subset of TOML: comment lines, `version = 1`, then a
//! `["code"]` table per code, in byte order of the codes, each with
//! `key = value` lines in a fixed order (integers, basic strings and
//! one-line arrays of basic strings). Empty lists and descriptions are left
//! out. Any TOML reader reads it; errcat's reader takes what its writer
//! writes, comments and blank lines anywhere, and reports anything else with
//! its line number.

use std::collections::BTreeMap;
use std::error::Error;
use std::fmt::{self, Write as _};

use crate::shared::charset::is_unreserved;

/// The version of the format this errcat writes and reads.
const VERSION: u32 = 1;

/// The comment the lock starts with.
const HEADER: &str = "\
# The error contract of this service: every error code it has sent, and what
# clients may rely on. Written by errcat and checked by a test:
# ERRCAT_BLESS=1 records compatible changes, ERRCAT_BLESS=breaking also
# breaking ones. A removed code stays here, retired: it is never used again.
";

/// The keys of a code's table, in the order they are written.
const KEYS: [&str; 11] = [
    "state",
    "status",
    "format",
    "type",
    "variant",
    "message",
    "placeholders",
    "exposed",
    "headers",
    "deprecated",
    "description",
];

/// The recorded error contract: each code with what clients may rely on,
/// ordered by code. [`Lock::parse`] reads a lock file and
/// [`render`](Lock::render) writes one; the two round-trip byte for byte.
///
/// ```
/// use errcat::contract::{Lock, State};
///
/// let text = "\
/// version = 1
///
/// [\"UserNotFound\"]
/// state = \"active\"
/// status = 404
/// format = \"nested\"
/// variant = \"UserError::UserNotFound\"
/// message = \"No user {id}\"
/// placeholders = [\"id\"]
/// ";
/// let lock = Lock::parse(text).unwrap();
/// let code = lock.get("UserNotFound").unwrap();
/// assert_eq!(code.state, State::Active);
/// assert_eq!(code.status, 404);
/// assert_eq!(code.placeholders, ["id"]);
/// assert!(lock.render().ends_with(text));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Lock {
    codes: BTreeMap<String, LockedCode>,
}

/// What the lock records of one code.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct LockedCode {
    /// Whether the code is sent, on its way out, or no longer sent.
    pub state: State,
    /// The HTTP status.
    pub status: u16,
    /// The format of the body: a built-in format's name (`nested`), or a
    /// custom format's type name.
    pub format: String,
    /// The problem `type` URI, in the `problem` format.
    pub type_uri: Option<String>,
    /// `Type::Variant` that defines the code (last defined, for a retired
    /// one), without module paths.
    pub variant: String,
    /// The message template, as written.
    pub message: String,
    /// The fields the message interpolates, each once, in order of first use.
    pub placeholders: Vec<String>,
    /// The members exposed fields add to the body.
    pub exposed: Vec<String>,
    /// The response headers header fields set.
    pub headers: Vec<String>,
    /// The deprecation note, when the state is [`State::Deprecated`].
    pub deprecated: Option<String>,
    /// The description (the doc comment); empty when there is none.
    pub description: String,
}

/// The state of a locked code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum State {
    /// Sent by the service.
    Active,
    /// Sent by the service, marked `#[api(deprecated = "...")]`.
    Deprecated,
    /// No longer sent: its variant was removed. It can never be used again.
    Retired,
}

impl State {
    /// The state's name in the lock: `active`, `deprecated` or `retired`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            State::Active => "active",
            State::Deprecated => "deprecated",
            State::Retired => "retired",
        }
    }

    fn from_name(name: &str) -> Option<State> {
        [State::Active, State::Deprecated, State::Retired]
            .into_iter()
            .find(|state| state.name() == name)
    }
}

impl Lock {
    /// Reads a lock file's text.
    ///
    /// # Errors
    ///
    /// When the text is not a lock errcat can read: the error gives the line
    /// and what is wrong with it.
    ///
    /// ```
    /// use errcat::contract::Lock;
    ///
    /// let error = Lock::parse("version = 1\n\n[\"Gone\"]\nstate = \"active\"\nstatus = 200\n").unwrap_err();
    /// assert_eq!(error.line(), 5);
    /// assert_eq!(error.to_string(), "line 5: `status` is an error status, a number in 400–599; found 200");
    /// ```
    pub fn parse(text: &str) -> Result<Lock, ParseError> {
        Parser::default().parse(text)
    }

    /// The lock's text: the header comment, `version = 1`, then one table
    /// per code, ordered by code; it ends with a line break.
    #[must_use]
    pub fn render(&self) -> String {
        let mut out = String::with_capacity(64 + 256 * self.codes.len());
        out.push_str(HEADER);
        let _ = writeln!(out, "\nversion = {VERSION}");
        for (code, locked) in &self.codes {
            out.push('\n');
            render_code(&mut out, code, locked);
        }
        out
    }

    /// The locked code `code`.
    #[must_use]
    pub fn get(&self, code: &str) -> Option<&LockedCode> {
        self.codes.get(code)
    }

    /// Every locked code, ordered by code.
    #[must_use]
    pub fn codes(&self) -> impl ExactSizeIterator<Item = (&str, &LockedCode)> {
        self.codes
            .iter()
            .map(|(code, locked)| (code.as_str(), locked))
    }

    pub(super) fn from_codes(codes: BTreeMap<String, LockedCode>) -> Self {
        Lock { codes }
    }

    pub(super) fn map(&self) -> &BTreeMap<String, LockedCode> {
        &self.codes
    }
}

impl fmt::Display for Lock {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render())
    }
}

fn render_code(out: &mut String, code: &str, locked: &LockedCode) {
    out.push('[');
    string(out, code);
    out.push_str("]\n");
    let mut line = |key: &str, value: &dyn Fn(&mut String)| {
        out.push_str(key);
        out.push_str(" = ");
        value(out);
        out.push('\n');
    };
    line("state", &|out| string(out, locked.state.name()));
    line("status", &|out| {
        let _ = write!(out, "{}", locked.status);
    });
    line("format", &|out| string(out, &locked.format));
    if let Some(uri) = &locked.type_uri {
        line("type", &|out| string(out, uri));
    }
    line("variant", &|out| string(out, &locked.variant));
    line("message", &|out| string(out, &locked.message));
    for (key, list) in [
        ("placeholders", &locked.placeholders),
        ("exposed", &locked.exposed),
        ("headers", &locked.headers),
    ] {
        if !list.is_empty() {
            line(key, &|out| array(out, list));
        }
    }
    if let Some(note) = &locked.deprecated {
        line("deprecated", &|out| string(out, note));
    }
    if !locked.description.is_empty() {
        line("description", &|out| string(out, &locked.description));
    }
}

/// Writes `text` as a TOML basic string.
fn string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn array(out: &mut String, items: &[String]) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        string(out, item);
    }
    out.push(']');
}

/// Why a lock file could not be read: its line (counted from 1) and what is
/// wrong there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    line: usize,
    message: String,
}

impl ParseError {
    /// The line, counted from 1.
    #[must_use]
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong there.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

impl Error for ParseError {}

/// A value of a `key = value` line.
enum Value {
    Integer(u64),
    String(String),
    Array(Vec<String>),
}

impl Value {
    fn kind(&self) -> &'static str {
        match self {
            Value::Integer(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "a list",
        }
    }
}

/// The table being read: its code, the line of its header, and its keys
/// with the line of each.
struct Table {
    code: String,
    line: usize,
    values: Vec<(&'static str, usize, Value)>,
}

#[derive(Default)]
struct Parser {
    version: bool,
    codes: BTreeMap<String, (usize, LockedCode)>,
    table: Option<Table>,
}

impl Parser {
    fn parse(mut self, text: &str) -> Result<Lock, ParseError> {
        let mut last = 0;
        for (index, raw) in text.lines().enumerate() {
            let line = index + 1;
            last = line;
            let content = raw.trim();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let at = |message: String| ParseError { line, message };
            if content.starts_with('[') {
                self.finish()?;
                let code = table_header(content).map_err(at)?;
                if !self.version {
                    return Err(at(
                        "`version = 1` must come before the first code".to_owned()
                    ));
                }
                if let Some(problem) = code_problem(&code) {
                    return Err(at(problem));
                }
                if let Some((first, _)) = self.codes.get(&code) {
                    return Err(at(format!(
                        "code `{code}` is locked twice (first at line {first})"
                    )));
                }
                self.table = Some(Table {
                    code,
                    line,
                    values: Vec::new(),
                });
                continue;
            }
            let (key, value) = key_value(content).map_err(at)?;
            match &mut self.table {
                None => self.version(key, &value).map_err(at)?,
                Some(table) => {
                    let Some(key) = KEYS.iter().copied().find(|known| *known == key) else {
                        return Err(at(format!(
                            "unknown key `{key}`; a code takes {}",
                            KEYS.map(|key| format!("`{key}`")).join(", ")
                        )));
                    };
                    if let Some((_, first, _)) = table.values.iter().find(|(seen, ..)| *seen == key)
                    {
                        return Err(at(format!(
                            "`{key}` is given twice (first at line {first})"
                        )));
                    }
                    check_value(key, &value).map_err(at)?;
                    table.values.push((key, line, value));
                }
            }
        }
        self.finish()?;
        if !self.version {
            return Err(ParseError {
                line: last.max(1),
                message: "not an errcat lock: `version = 1` is missing".to_owned(),
            });
        }
        let codes = self
            .codes
            .into_iter()
            .map(|(code, (_, locked))| (code, locked))
            .collect();
        Ok(Lock { codes })
    }

    fn version(&mut self, key: &str, value: &Value) -> Result<(), String> {
        match (key, value) {
            ("version", _) if self.version => Err("`version` is given twice".to_owned()),
            ("version", Value::Integer(n)) if *n == u64::from(VERSION) => {
                self.version = true;
                Ok(())
            }
            ("version", Value::Integer(n)) => Err(format!(
                "this lock has version {n}; this errcat reads version {VERSION}"
            )),
            ("version", value) => Err(format!("`version` is a number, not {}", value.kind())),
            (key, _) => Err(format!(
                "`{key}` is outside any code: a code's keys come after its `[\"code\"]` line"
            )),
        }
    }

    /// Records the table being read, checking its keys.
    fn finish(&mut self) -> Result<(), ParseError> {
        let Some(table) = self.table.take() else {
            return Ok(());
        };
        let header = table.line;
        let code = table.code;
        let mut fields = Fields {
            code: &code,
            header,
            values: table.values,
        };
        // Each value's type was checked on its line.
        let state = fields
            .string("state")
            .and_then(|(_, name)| State::from_name(&name));
        let state = fields.required("state", state)?;
        let status = fields.status();
        let status = fields.required("status", status)?;
        let format = fields.string("format").map(|(_, value)| value);
        let format = fields.required("format", format)?;
        let type_uri = fields.string("type").map(|(_, value)| value);
        let variant = fields.string("variant").map(|(_, value)| value);
        let variant = fields.required("variant", variant)?;
        let message = fields.string("message").map(|(_, value)| value);
        let message = fields.required("message", message)?;
        let placeholders = fields.list("placeholders");
        let exposed = fields.list("exposed");
        let headers = fields.list("headers");
        let deprecated = fields.string("deprecated");
        let description = fields.string("description").map(|(_, value)| value);
        let deprecated = match (state, deprecated) {
            (State::Deprecated, Some((_, note))) => Some(note),
            (State::Deprecated, None) => {
                return Err(ParseError {
                    line: header,
                    message: format!(
                        "code `{code}` is deprecated but has no `deprecated = \"...\"` note"
                    ),
                });
            }
            (_, Some((line, _))) => {
                return Err(ParseError {
                    line,
                    message: format!(
                        "a `deprecated` note goes with `state = \"deprecated\"`; code `{code}` is {}",
                        state.name()
                    ),
                });
            }
            (_, None) => None,
        };
        let locked = LockedCode {
            state,
            status,
            format,
            type_uri,
            variant,
            message,
            placeholders,
            exposed,
            headers,
            deprecated,
            description: description.unwrap_or_default(),
        };
        // A repeated code was refused at its header line.
        self.codes.insert(code, (header, locked));
        Ok(())
    }
}

/// The keys of a table, taken one by one.
struct Fields<'a> {
    code: &'a str,
    header: usize,
    values: Vec<(&'static str, usize, Value)>,
}

impl Fields<'_> {
    fn take(&mut self, key: &str) -> Option<(usize, Value)> {
        let at = self.values.iter().position(|(seen, ..)| *seen == key)?;
        let (_, line, value) = self.values.swap_remove(at);
        Some((line, value))
    }

    fn string(&mut self, key: &str) -> Option<(usize, String)> {
        match self.take(key)? {
            (line, Value::String(text)) => Some((line, text)),
            _ => None,
        }
    }

    fn list(&mut self, key: &str) -> Vec<String> {
        match self.take(key) {
            Some((_, Value::Array(items))) => items,
            _ => Vec::new(),
        }
    }

    fn status(&mut self) -> Option<u16> {
        match self.take("status")? {
            (_, Value::Integer(n)) => u16::try_from(n).ok(),
            _ => None,
        }
    }

    fn required<T>(&self, key: &str, value: Option<T>) -> Result<T, ParseError> {
        value.ok_or_else(|| ParseError {
            line: self.header,
            message: format!("code `{}` has no `{key}`", self.code),
        })
    }
}

/// Checks that `value` has the type `key` takes, so that a wrong value is
/// reported at its own line, before anything missing from its table.
fn check_value(key: &str, value: &Value) -> Result<(), String> {
    match (key, value) {
        ("status", Value::Integer(n)) => {
            if (400..=599).contains(n) {
                Ok(())
            } else {
                Err(format!(
                    "`status` is an error status, a number in 400–599; found {n}"
                ))
            }
        }
        ("status", value) => Err(format!("`status` is a number, not {}", value.kind())),
        ("placeholders" | "exposed" | "headers", Value::Array(_)) => Ok(()),
        ("placeholders" | "exposed" | "headers", value) => Err(format!(
            "`{key}` is a list of strings, not {}",
            value.kind()
        )),
        ("state", Value::String(name)) if State::from_name(name).is_none() => Err(format!(
            "`state` is \"active\", \"deprecated\" or \"retired\"; found {name:?}"
        )),
        (_, Value::String(_)) => Ok(()),
        (key, value) => Err(format!("`{key}` is a string, not {}", value.kind())),
    }
}

/// Why `code` cannot be a code, if it cannot: the rule the derive and
/// `ErrorEntry::new` enforce.
fn code_problem(code: &str) -> Option<String> {
    if code.is_empty() {
        return Some("a code cannot be empty".to_owned());
    }
    let bad = code.chars().find(|c| !is_unreserved(*c))?;
    Some(format!(
        "`{}` is not a code: {bad:?} is outside `A-Z a-z 0-9 - . _ ~`",
        code.escape_debug()
    ))
}

/// The code of a `["code"]` (or `[code]`) line.
fn table_header(line: &str) -> Result<String, String> {
    let inner = line.strip_prefix('[').unwrap_or(line);
    if inner.starts_with('[') {
        return Err("`[[...]]` tables are not part of a lock; a code is `[\"code\"]`".to_owned());
    }
    let inner = inner.trim_start();
    let (code, rest) = if inner.starts_with('"') {
        basic_string(inner)?
    } else {
        let end = inner
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
            .unwrap_or(inner.len());
        (inner[..end].to_owned(), &inner[end..])
    };
    let rest = rest.trim_start();
    let Some(rest) = rest.strip_prefix(']') else {
        return Err("expected `[\"code\"]`".to_owned());
    };
    end_of_line(rest)?;
    Ok(code)
}

/// The key and value of a `key = value` line.
fn key_value(line: &str) -> Result<(&str, Value), String> {
    let end = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(line.len());
    let (key, rest) = line.split_at(end);
    let rest = rest.trim_start();
    let Some(rest) = rest.strip_prefix('=').filter(|_| !key.is_empty()) else {
        return Err(format!(
            "expected `key = value` or `[\"code\"]`, found `{}`",
            line.escape_debug()
        ));
    };
    let rest = rest.trim_start();
    let (value, rest) = if rest.starts_with('"') {
        let (text, rest) = basic_string(rest)?;
        (Value::String(text), rest)
    } else if let Some(items) = rest.strip_prefix('[') {
        let (items, rest) = string_array(items)?;
        (Value::Array(items), rest)
    } else {
        let digits = rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(rest.len());
        let number = rest[..digits].parse::<u64>().map_err(|_| {
            if digits == 0 {
                format!("`{key}` needs a value: a number, a \"string\" or a [\"list\"]")
            } else {
                format!("`{key}` = {} is too large a number", &rest[..digits])
            }
        })?;
        (Value::Integer(number), &rest[digits..])
    };
    end_of_line(rest)?;
    Ok((key, value))
}

/// The strings of a one-line array, after its `[`, and the text after its `]`.
fn string_array(mut rest: &str) -> Result<(Vec<String>, &str), String> {
    let mut items = Vec::new();
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix(']') {
            return Ok((items, after));
        }
        if !rest.starts_with('"') {
            return Err(
                "a list holds \"strings\", separated by commas, and ends with `]`".to_owned(),
            );
        }
        let (item, after) = basic_string(rest)?;
        items.push(item);
        rest = after.trim_start();
        if let Some(after) = rest.strip_prefix(',') {
            rest = after;
        } else if !rest.starts_with(']') {
            return Err("expected `,` or `]` after a list item".to_owned());
        }
    }
}

/// A basic string at the start of `text` (its opening quote included), and
/// the text after its closing quote.
fn basic_string(text: &str) -> Result<(String, &str), String> {
    let mut out = String::new();
    let mut chars = text.char_indices().skip(1);
    while let Some((at, c)) = chars.next() {
        match c {
            '"' => return Ok((out, &text[at + 1..])),
            '\\' => {
                let escape = chars.next().map(|(_, c)| c);
                match escape {
                    Some('"') => out.push('"'),
                    Some('\\') => out.push('\\'),
                    Some('n') => out.push('\n'),
                    Some('r') => out.push('\r'),
                    Some('t') => out.push('\t'),
                    Some('b') => out.push('\u{8}'),
                    Some('f') => out.push('\u{c}'),
                    Some(kind @ ('u' | 'U')) => {
                        let len = if kind == 'u' { 4 } else { 8 };
                        let hex: String = chars.by_ref().take(len).map(|(_, c)| c).collect();
                        let c = u32::from_str_radix(&hex, 16)
                            .ok()
                            .filter(|_| hex.len() == len)
                            .and_then(char::from_u32)
                            .ok_or_else(|| format!("`\\{kind}{hex}` is not a character"))?;
                        out.push(c);
                    }
                    Some(other) => return Err(format!("unknown escape `\\{other}` in a string")),
                    None => break,
                }
            }
            c if c.is_control() && c != '\t' => {
                return Err(format!(
                    "a string cannot hold {c:?} as it is; write it escaped"
                ));
            }
            c => out.push(c),
        }
    }
    Err("a string is not closed: it needs a `\"` before the end of the line".to_owned())
}

/// Checks that only a comment follows a value.
fn end_of_line(rest: &str) -> Result<(), String> {
    let rest = rest.trim_start();
    if rest.is_empty() || rest.starts_with('#') {
        Ok(())
    } else {
        Err(format!(
            "unexpected `{}` after the value",
            rest.escape_debug()
        ))
    }
}
