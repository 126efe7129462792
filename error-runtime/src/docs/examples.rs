//! Example bodies: each written by the real serializer of its format, pretty
//! printed, in a fenced `json` block under a heading naming its code.

use core::fmt::Write as _;

use serde_core::Serialize;

use super::merge::{DocsError, Merged};
use super::table::escape;

/// `body` as JSON, indented by two spaces per level, keys in the order the
/// format writes them (nothing passes through a map that would sort them).
pub(super) fn pretty_json<T: Serialize + ?Sized>(body: &T) -> Result<String, String> {
    serde_json::to_string_pretty(body).map_err(|error| error.to_string())
}

/// For each row with a body (in the locale `locale` matches, else the
/// default language's): `heading` with the code, a line with the status
/// and its reason phrase, `Deprecated: <note>` for a deprecated code, and
/// the body in a `json` block.
///
/// A line of pretty-printed JSON starts with a space, a bracket, a quote, a
/// digit or a letter, never with a backtick, so a body cannot close its
/// fence.
pub(super) fn render(
    rows: &[Merged<'_>],
    heading: &str,
    locale: Option<&str>,
) -> Result<String, DocsError> {
    let mut out = String::new();
    for row in rows {
        let Some(body) = row.body_in(locale) else {
            continue;
        };
        let body = body.as_ref().map_err(|message| DocsError::Body {
            code: row.entry.code,
            type_name: row.type_name,
            message: message.clone(),
        })?;
        if !out.is_empty() {
            out.push('\n');
        }
        let entry = row.entry;
        let _ = write!(
            out,
            "{heading} {code}\n\n{status} {reason}\n\n",
            code = escape(entry.code),
            status = entry.status,
            reason = escape(entry.reason()),
        );
        if let Some(note) = entry.deprecated {
            let _ = write!(out, "Deprecated: {}\n\n", escape(note));
        }
        let _ = write!(out, "```json\n{body}\n```\n");
    }
    Ok(out)
}
