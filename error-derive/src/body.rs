//! The body of a variant that is the same for every value but for its
//! message, written at macro time: nothing exposed, no details value, a
//! built-in format. The runtime copies it, writing only the message, into
//! its place, when the message is not the literal one written there.
//!
//! The body is walked from the format's row in `shared/formats.rs` and
//! escaped by `shared/json.rs`, as the runtime's writer does, so that both
//! write the bytes `serde_json` writes for the envelope.

use core::convert::Infallible;
use core::fmt::Write as _;
use core::ops::Range;

use crate::ast::{Input, Variant};
use crate::shared::charset::replace_outside_nqschar;
use crate::shared::formats::{ABOUT_BLANK, Member, TextRule, Value};
use crate::shared::json::escape;
use crate::status;

/// A body as JSON text, and where the text of its message string lies in
/// it (between the quotes; empty when the message is not literal).
pub(crate) struct Body {
    pub(crate) text: String,
    pub(crate) message: Range<usize>,
}

/// The JSON body of `variant` in its type's format, when only its message
/// can differ between values: for a variant that exposes nothing, whose
/// message is `literal` when it is the same for every value.
pub(crate) fn derived_body(
    input: &Input,
    variant: &Variant,
    status: u16,
    code: &str,
    literal: Option<&str>,
) -> Option<Body> {
    let format = input.builtin_format()?;
    let has_details = variant.attrs.details.is_some()
        || variant
            .fields
            .iter()
            .any(|field| field.attrs.details.is_some());
    if has_details {
        return None;
    }
    let rfc6749 = format.text_rule() == TextRule::Rfc6749;
    let literal = literal.unwrap_or_default();
    let mut body = String::with_capacity(64 + code.len() + literal.len());
    let mut message = None;
    if let Some(key) = format.object() {
        body.push('{');
        push_string(&mut body, key);
        body.push(':');
    }
    body.push('{');
    let mut first = true;
    for &Member { key, value } in format.layout() {
        if value == Value::Details {
            // Nothing to hold, so the member is left out.
            continue;
        }
        if !first {
            body.push(',');
        }
        first = false;
        push_string(&mut body, key);
        body.push(':');
        match value {
            Value::Status => {
                let _ = write!(body, "{status}");
            }
            Value::Code | Value::Message => {
                let text = if value == Value::Code { code } else { literal };
                body.push('"');
                let start = body.len();
                if rfc6749 {
                    let mut replaced = String::with_capacity(text.len());
                    let _ = replace_outside_nqschar(text, |piece| {
                        replaced.push_str(piece);
                        Ok::<(), Infallible>(())
                    });
                    push_escaped(&mut body, &replaced);
                } else {
                    push_escaped(&mut body, text);
                }
                if value == Value::Message {
                    message = Some(start..body.len());
                }
                body.push('"');
            }
            Value::Reason => push_string(&mut body, status::reason(status)),
            Value::TypeUri => match &input.attrs.type_base {
                Some(base) => push_string(&mut body, &(base.value() + code)),
                None => push_string(&mut body, ABOUT_BLANK),
            },
            Value::Details => {}
        }
    }
    body.push('}');
    if format.object().is_some() {
        body.push('}');
    }
    Some(Body {
        text: body,
        message: message?,
    })
}

/// Appends `text` as a JSON string.
fn push_string(body: &mut String, text: &str) {
    body.push('"');
    push_escaped(body, text);
    body.push('"');
}

/// Appends `text` escaped for a JSON string.
fn push_escaped(body: &mut String, text: &str) {
    let _ = escape(text, |piece| {
        body.push_str(piece);
        Ok::<(), Infallible>(())
    });
}
