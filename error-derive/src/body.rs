//! The body of a variant that is the same for every value, written at macro
//! time: a literal message, nothing exposed, no details value, a built-in
//! format. The runtime then copies it instead of writing it.
//!
//! The body is walked from the format's row in `shared/formats.rs` and
//! escaped by `shared/json.rs`, as the runtime's writer does, so that both
//! write the bytes `serde_json` writes for the envelope.

use core::convert::Infallible;
use core::fmt::Write as _;

use crate::ast::{Input, Variant};
use crate::shared::charset::replace_outside_nqschar;
use crate::shared::formats::{ABOUT_BLANK, Member, TextRule, Value};
use crate::shared::json::escape;
use crate::status;

/// The JSON body of `variant` in its type's format, when it is constant,
/// for a variant whose message is the literal `message` and that exposes
/// nothing.
pub(crate) fn constant_body(
    input: &Input,
    variant: &Variant,
    status: u16,
    code: &str,
    message: &str,
) -> Option<String> {
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
    let mut body = String::with_capacity(64 + code.len() + message.len());
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
                let text = if value == Value::Code { code } else { message };
                if rfc6749 {
                    let mut replaced = String::with_capacity(text.len());
                    let _ = replace_outside_nqschar(text, |piece| {
                        replaced.push_str(piece);
                        Ok::<(), Infallible>(())
                    });
                    push_string(&mut body, &replaced);
                } else {
                    push_string(&mut body, text);
                }
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
    Some(body)
}

/// Appends `text` as a JSON string.
fn push_string(body: &mut String, text: &str) {
    body.push('"');
    let _ = escape(text, |piece| {
        body.push_str(piece);
        Ok::<(), Infallible>(())
    });
    body.push('"');
}
