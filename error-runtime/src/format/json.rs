//! The direct JSON writer of the built-in formats: the bytes `serde_json`
//! would write for [`Envelope`](crate::Envelope), written straight into a
//! `Vec<u8>`.
//!
//! It walks the same rows of `shared/formats.rs` as the serde impls and the
//! derive. A body the derive wrote (nothing exposed, no details) is copied
//! from the row: whole when its literal message stands for the value's,
//! else around the message, which alone is written. Otherwise constants are
//! escaped by `shared/json.rs` and the message streams through
//! [`Escaping`], a `fmt::Write` that escapes as it goes. Exposed members and
//! details fields are serialized by `serde_json` into the same buffer.

use core::fmt::{self, Arguments, Display, Write as _};

use erased_serde::Serialize as ErasedSerialize;

use super::{Fixed, Row};
use crate::api_error::Visitor;
use crate::catalog::Body;
use crate::shared::charset::replace_outside_nqschar;
use crate::shared::formats::{Builtin, Member, Placement, TextRule, Value};
use crate::shared::json::escape;
use crate::{ApiError, ErrorEntry};

/// Appends the body of `error` in `format` to `buf`.
///
/// # Errors
///
/// When an exposed member's or the details field's `Serialize` fails; `buf`
/// then holds part of a body.
pub(crate) fn write_body(
    format: Builtin,
    error: &dyn ApiError,
    row: &Row,
    buf: &mut Vec<u8>,
) -> Result<(), serde_json::Error> {
    let (entry, fixed) = (row.entry, &row.fixed);
    match derived_body(format, entry, fixed) {
        // A translated literal message is not the one in the whole body.
        Some(&Body::Whole(whole)) if fixed.literal => {
            buf.extend_from_slice(whole.as_bytes());
            Ok(())
        }
        Some(&Body::Around { before, after }) => {
            buf.extend_from_slice(before.as_bytes());
            message(
                buf,
                error,
                literal_of(row),
                format.text_rule() == TextRule::Rfc6749,
            );
            buf.extend_from_slice(after.as_bytes());
            Ok(())
        }
        _ => write_members(format, error, row, buf),
    }
}

/// The literal message of the row, when it stands for the value's.
fn literal_of(row: &Row) -> Option<&'static str> {
    row.fixed
        .literal
        .then(|| row.entry.literal_message())
        .flatten()
}

/// The body member by member, for a row without a body of its own. Out of
/// line, so that copying a derived body saves none of its registers.
#[inline(never)]
fn write_members(
    format: Builtin,
    error: &dyn ApiError,
    row: &Row,
    buf: &mut Vec<u8>,
) -> Result<(), serde_json::Error> {
    let (entry, fixed) = (row.entry, &row.fixed);
    let rfc6749 = format.text_rule() == TextRule::Rfc6749;
    let literal = literal_of(row);
    if let Some(key) = format.object() {
        buf.push(b'{');
        key_of(buf, key);
    }
    let mut object = Object { buf, empty: true };
    for &Member { key, value } in format.layout() {
        if value == Value::Details {
            if entry.may_show_members() {
                details(&mut object, error, key)?;
            }
            continue;
        }
        object.key(key);
        let buf = &mut *object.buf;
        match value {
            Value::Status => number(buf, entry.status),
            Value::Code if rfc6749 => {
                buf.push(b'"');
                replaced(buf, entry.code);
                buf.push(b'"');
            }
            Value::Code => string(buf, entry.code),
            Value::Message => {
                buf.push(b'"');
                message(buf, error, literal, rfc6749);
                buf.push(b'"');
            }
            Value::Reason => string(buf, entry.reason()),
            Value::TypeUri => {
                if let Some(text) = fixed.type_uri_text(entry) {
                    string(buf, text);
                } else {
                    // What is left to join: the value's `type_base` and the code.
                    buf.push(b'"');
                    escaped(buf, fixed.settings.type_base.unwrap_or_default());
                    escaped(buf, entry.code);
                    buf.push(b'"');
                }
            }
            Value::Details => {}
        }
    }
    if format.placement() == Placement::Inline && entry.may_show_members() {
        let mut members = MemberWriter {
            object: &mut object,
            skip: format.own_members(),
            details: true,
            result: Ok(()),
        };
        error.__visit(&mut members);
        members.result?;
    }
    if object.empty {
        object.buf.push(b'{');
    }
    object.buf.push(b'}');
    if format.object().is_some() {
        object.buf.push(b'}');
    }
    Ok(())
}

/// The body in `format` of an error with `entry` and `fixed`, when the
/// derive wrote it whole.
#[inline]
pub(crate) fn constant_body(
    format: Builtin,
    entry: &ErrorEntry,
    fixed: &Fixed,
) -> Option<&'static str> {
    match derived_body(format, entry, fixed)? {
        &Body::Whole(whole) if fixed.literal => Some(whole),
        _ => None,
    }
}

/// The body the derive wrote for `entry`'s row, when it is the body in
/// `format` of an error with `fixed`, but for its message.
#[inline]
fn derived_body<'a>(format: Builtin, entry: &'a ErrorEntry, fixed: &Fixed) -> Option<&'a Body> {
    let body = entry.body()?;
    fixed.body_applies(format).then_some(body)
}

/// The text of the message string: the row's `literal` message when it
/// stands for the value's, else the message streamed; with RFC 6749's
/// replacements when `rfc6749`.
fn message(buf: &mut Vec<u8>, error: &dyn ApiError, literal: Option<&str>, rfc6749: bool) {
    match literal {
        Some(message) if !rfc6749 => escaped(buf, message),
        _ if rfc6749 => {
            // Writing into a `Vec` cannot fail: an error is the message's
            // own, and what it wrote before it stays.
            let _ = write!(Replaced(buf), "{}", error.message());
        }
        _ => streamed(buf, &error.message()),
    }
}

/// Flat's own `details`: the details value, else an object of the exposed
/// members, else nothing.
fn details(object: &mut Object<'_>, error: &dyn ApiError, key: &str) -> serde_json::Result<()> {
    let mut finder = DetailsWriter {
        object: &mut *object,
        key,
        written: false,
        result: Ok(()),
    };
    error.__visit(&mut finder);
    let written = finder.written;
    finder.result?;
    if written {
        return Ok(());
    }
    let mut inner = Object {
        buf: &mut *object.buf,
        empty: true,
    };
    // The member opens lazily, at the first exposed member.
    let start = inner.buf.len();
    if !object.empty {
        inner.buf.push(b',');
    }
    key_of(inner.buf, key);
    let mut members = MemberWriter {
        object: &mut inner,
        skip: &[],
        details: false,
        result: Ok(()),
    };
    error.__visit(&mut members);
    members.result?;
    if inner.empty {
        inner.buf.truncate(start);
    } else {
        inner.buf.push(b'}');
        object.empty = false;
    }
    Ok(())
}

/// An object being written: whether a member needs a comma before it.
struct Object<'a> {
    buf: &'a mut Vec<u8>,
    empty: bool,
}

impl Object<'_> {
    /// Opens the object if this is its first member, else writes the
    /// comma; then one of the format's own keys.
    fn key(&mut self, key: &str) {
        self.separator();
        key_of(self.buf, key);
    }

    /// The same for an exposed member's name, which is escaped.
    fn member_key(&mut self, name: &str) {
        self.separator();
        string(self.buf, name);
        self.buf.push(b':');
    }

    fn separator(&mut self) {
        self.buf.push(if self.empty { b'{' } else { b',' });
        self.empty = false;
    }
}

/// `"key":`, for a key that needs no escaping: a format's own.
fn key_of(buf: &mut Vec<u8>, key: &str) {
    buf.push(b'"');
    buf.extend_from_slice(key.as_bytes());
    buf.extend_from_slice(b"\":");
}

/// A JSON string of `text`.
fn string(buf: &mut Vec<u8>, text: &str) {
    buf.push(b'"');
    escaped(buf, text);
    buf.push(b'"');
}

fn escaped(buf: &mut Vec<u8>, text: &str) {
    let _ = escape(text, |piece| {
        buf.extend_from_slice(piece.as_bytes());
        Ok::<(), ()>(())
    });
}

/// A JSON string of `value`'s `Display`, streamed.
fn text(buf: &mut Vec<u8>, value: &dyn Display) {
    buf.push(b'"');
    streamed(buf, value);
    buf.push(b'"');
}

/// `value`'s `Display`, escaped as it is written; a `Display` that fails
/// ends the text where it failed, as [`Text`](super::Text) does.
fn streamed(buf: &mut Vec<u8>, value: &dyn Display) {
    // Writing into a `Vec` cannot fail, so an error is the value's own, and
    // what it wrote before it stays.
    let _ = write!(Escaping(buf), "{value}");
}

/// The same, for a details template.
fn arguments(buf: &mut Vec<u8>, value: Arguments<'_>) {
    text(buf, &value);
}

/// A decimal number.
fn number(buf: &mut Vec<u8>, mut value: u16) {
    let mut digits = [0u8; 5];
    let mut start = digits.len();
    loop {
        start -= 1;
        // A digit: at most 9.
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    buf.extend_from_slice(&digits[start..]);
}

/// Text escaped for a JSON string as it is written.
struct Escaping<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaping<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        escaped(self.0, text);
        Ok(())
    }
}

/// Text with RFC 6749's replacements made as it is written, which leaves
/// nothing to escape: `NQSCHAR` holds no control character, `"` or `\`.
struct Replaced<'a>(&'a mut Vec<u8>);

impl fmt::Write for Replaced<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        replaced(self.0, text);
        Ok(())
    }
}

fn replaced(buf: &mut Vec<u8>, text: &str) {
    let _ = replace_outside_nqschar(text, |piece| {
        buf.extend_from_slice(piece.as_bytes());
        Ok::<(), ()>(())
    });
}

/// Writes `value` as JSON with `serde_json`, into the same buffer.
fn serialized(buf: &mut Vec<u8>, value: &dyn ErasedSerialize) -> serde_json::Result<()> {
    serde_json::to_writer(buf, value)
}

/// Writes the exposed members, and the details value as `details` when
/// `details` is set, leaving out those named in `skip`.
struct MemberWriter<'o, 'a> {
    object: &'o mut Object<'a>,
    skip: &'static [&'static str],
    details: bool,
    result: serde_json::Result<()>,
}

impl MemberWriter<'_, '_> {
    fn keeps(&self, name: &str) -> bool {
        self.result.is_ok() && !self.skip.contains(&name)
    }
}

impl Visitor for MemberWriter<'_, '_> {
    fn member(&mut self, name: &'static str, value: &dyn ErasedSerialize) {
        if self.keeps(name) {
            self.object.member_key(name);
            self.result = serialized(self.object.buf, value);
        }
    }
    fn details_value(&mut self, value: &dyn ErasedSerialize) {
        if self.details && self.keeps("details") {
            self.object.key("details");
            self.result = serialized(self.object.buf, value);
        }
    }
    fn details_text(&mut self, text: Arguments<'_>) {
        if self.details && self.keeps("details") {
            self.object.key("details");
            arguments(self.object.buf, text);
        }
    }
}

/// Writes the first details value as `key`.
struct DetailsWriter<'o, 'a> {
    object: &'o mut Object<'a>,
    key: &'o str,
    written: bool,
    result: serde_json::Result<()>,
}

impl Visitor for DetailsWriter<'_, '_> {
    fn details_value(&mut self, value: &dyn ErasedSerialize) {
        if !self.written {
            self.written = true;
            self.object.key(self.key);
            self.result = serialized(self.object.buf, value);
        }
    }
    fn details_text(&mut self, text: Arguments<'_>) {
        if !self.written {
            self.written = true;
            self.object.key(self.key);
            arguments(self.object.buf, text);
        }
    }
}
