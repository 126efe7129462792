//! An error made from a catalog row alone, so that the real shapes can write
//! an example body of an error without a value of it.

use core::fmt;

use crate::__private::TypeSettings;
use crate::{ApiError, ErrorEntry};

/// The error of `entry`, in the shape `settings` declares, whose message is
/// the template with each placeholder written as `<field>`: `"No user {id}"`
/// reads `"No user <id>"`, `{{` and `}}` read `{` and `}`.
///
/// Without a value there is nothing to expose, so a body written from it has
/// the shape's own members (code, status, message, …) and none of the exposed
/// members, details or headers of the error.
pub(super) struct Placeholder {
    entry: &'static ErrorEntry,
    settings: &'static TypeSettings,
}

impl Placeholder {
    pub(super) fn new(entry: &'static ErrorEntry, settings: &'static TypeSettings) -> Self {
        Placeholder { entry, settings }
    }
}

impl ApiError for Placeholder {
    fn entry(&self) -> &'static ErrorEntry {
        self.entry
    }

    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_template(self.entry.message, f)
    }

    fn __settings(&self) -> &'static TypeSettings {
        self.settings
    }
}

/// Writes `template` with `{name}` and `{name:spec}` as `<name>` and `{{`,
/// `}}` as single braces. The derive only accepts balanced templates; should
/// one not be, the rest is written as it is.
fn write_template(template: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
    let mut rest = template;
    while let Some(brace) = rest.find(['{', '}']) {
        f.write_str(&rest[..brace])?;
        let tail = &rest[brace..];
        if let Some(after) = tail.strip_prefix("{{") {
            f.write_str("{")?;
            rest = after;
        } else if let Some(after) = tail.strip_prefix("}}") {
            f.write_str("}")?;
            rest = after;
        } else if let (Some(inner), Some(end)) = (tail.strip_prefix('{'), tail.find('}')) {
            let name = inner[..end - 1].split(':').next().unwrap_or_default();
            f.write_str("<")?;
            f.write_str(name.trim())?;
            f.write_str(">")?;
            rest = &tail[end + 1..];
        } else {
            f.write_str(&tail[..1])?;
            rest = &tail[1..];
        }
    }
    f.write_str(rest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::__private::entry;

    static ENTRY: ErrorEntry = entry(
        "Insufficient",
        402,
        "Insufficient",
        "Balance {1:.2} is below {min:>8} {{EUR}} } {",
        "",
        false,
    );

    #[test]
    fn placeholders_replace_fields() {
        let error = Placeholder::new(&ENTRY, &TypeSettings::DEFAULT);
        assert_eq!(
            error.message().to_string(),
            "Balance <1> is below <min> {EUR} } {"
        );
    }
}
