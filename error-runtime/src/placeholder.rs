//! An error made from a catalog row alone, so that the real formats can write
//! an example body of an error without a value of it.

use core::fmt;

use crate::format::{Fixed, TypeSettings};
use crate::{Describe, ErrorEntry};

/// The error of `entry`, in the format `settings` declares, whose message is
/// the row's placeholder form: `"No user {id}"` reads `"No user <id>"`, `{{`
/// and `}}` read `{` and `}`.
///
/// Without a value there is nothing to expose, so a body written from it has
/// the format's own members (code, status, message, …) and none of the exposed
/// members, details or headers of the error.
pub(crate) struct Placeholder {
    entry: &'static ErrorEntry,
    settings: &'static TypeSettings,
    /// The message in another language, in the same placeholder form.
    message: Option<String>,
}

impl Placeholder {
    pub(crate) fn new(entry: &'static ErrorEntry, settings: &'static TypeSettings) -> Self {
        Placeholder {
            entry,
            settings,
            message: None,
        }
    }

    /// The error with `message` (a translation, its fields `<field>`) in
    /// place of the row's, when there is one.
    #[cfg(feature = "docs")]
    pub(crate) fn with_message(self, message: Option<String>) -> Self {
        Placeholder { message, ..self }
    }
}

impl Describe for Placeholder {
    fn describe(&self) -> &'static ErrorEntry {
        self.entry
    }

    fn write_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            self.message
                .as_deref()
                .unwrap_or_else(|| self.entry.placeholders()),
        )
    }

    fn __fixed(&self) -> Fixed {
        // Another language's message is written, never the row's literal.
        Fixed {
            literal: self.message.is_none(),
            ..Fixed::own(self.settings)
        }
    }
}
