//! Several catalogs merged into one list of rows, each code once, and what
//! stops a merge: a code defined twice in different ways.

use std::collections::HashMap;
use std::error::Error;
use std::fmt;

use crate::ErrorEntry;
#[cfg(feature = "locales")]
use crate::locale::Locale;
use crate::locale::Translations;

/// A catalog row or an example, with the type it comes from, the
/// translations of its catalog, and its example bodies, if there are any.
#[derive(Debug, Clone)]
pub(super) struct Row {
    pub(super) entry: &'static ErrorEntry,
    pub(super) type_name: &'static str,
    /// The catalog's translations; none for an example, whose code takes
    /// those of its catalog row.
    pub(super) translations: &'static Translations,
    pub(super) body: Option<Bodies>,
}

/// The example body of an error (or why it could not be written): in the
/// default language, and in each locale that translates its code.
#[derive(Debug, Clone)]
pub(super) struct Bodies {
    pub(super) default: Result<String, String>,
    /// By the language tag of the locale.
    #[cfg_attr(
        not(feature = "locales"),
        allow(dead_code, reason = "filled and read with translations only")
    )]
    pub(super) localized: Vec<(&'static str, Result<String, String>)>,
}

/// A row of the merged catalog.
#[derive(Debug, Clone, Copy)]
pub(super) struct Merged<'r> {
    pub(super) entry: &'static ErrorEntry,
    pub(super) type_name: &'static str,
    #[cfg_attr(
        not(feature = "locales"),
        allow(dead_code, reason = "filled and read with translations only")
    )]
    pub(super) translations: &'static Translations,
    pub(super) body: Option<&'r Bodies>,
}

impl Merged<'_> {
    /// The locale of the row's translations that `wanted` matches and that
    /// translates its code, as the runtime picks it.
    #[cfg(feature = "locales")]
    pub(super) fn locale(&self, wanted: &str) -> Option<&'static Locale> {
        super::locales::locale_of(self.translations, self.entry.code, wanted)
    }

    /// The example body in the locale `wanted` matches, else in the default
    /// language; `None` when the row has no body.
    pub(super) fn body_in(&self, wanted: Option<&str>) -> Option<&Result<String, String>> {
        let bodies = self.body?;
        #[cfg(feature = "locales")]
        if let Some(locale) = wanted.and_then(|wanted| self.locale(wanted)) {
            let localized = bodies.localized.iter().find(|(tag, _)| *tag == locale.tag);
            if let Some((_, body)) = localized {
                return Some(body);
            }
        }
        #[cfg(not(feature = "locales"))]
        let _ = wanted;
        Some(&bodies.default)
    }
}

/// Merges `rows` (in order) and `examples`: the first row of each code is
/// kept; a later row of the same code must agree with it on status and
/// message. Its body is that of the last example of its code, or else of
/// the first row of its code that has one.
pub(super) fn merge<'r>(
    rows: &'r [Row],
    examples: &'r [Row],
) -> Result<Vec<Merged<'r>>, DocsError> {
    let mut merged: Vec<Merged<'r>> = Vec::with_capacity(rows.len());
    let mut index = HashMap::with_capacity(rows.len());
    let mut conflicts = Vec::new();
    for row in rows {
        if let Some(&at) = index.get(row.entry.code) {
            let first: &mut Merged<'r> = &mut merged[at];
            if let Some(conflict) = Conflict::between(first, row) {
                conflicts.push(conflict);
            } else if first.body.is_none() {
                first.body = row.body.as_ref();
            }
        } else {
            index.insert(row.entry.code, merged.len());
            merged.push(Merged {
                entry: row.entry,
                type_name: row.type_name,
                translations: row.translations,
                body: row.body.as_ref(),
            });
        }
    }
    let mut unknown = None;
    for example in examples {
        let Some(&at) = index.get(example.entry.code) else {
            unknown.get_or_insert(example);
            continue;
        };
        let first = &mut merged[at];
        match Conflict::between(first, example) {
            Some(conflict) => conflicts.push(conflict),
            None => first.body = example.body.as_ref(),
        }
    }
    if !conflicts.is_empty() {
        return Err(DocsError::Conflicts(conflicts));
    }
    if let Some(example) = unknown {
        return Err(DocsError::UnknownExample {
            code: example.entry.code,
            type_name: example.type_name,
        });
    }
    Ok(merged)
}

/// Why [`Docs`](super::Docs) could not render a page.
///
/// ```
/// use errcat::docs::{Docs, DocsError};
/// use errcat::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum Users {
///     #[api(status = 409, code = "Taken", message = "This email is in use.")]
///     EmailTaken,
/// }
///
/// #[derive(Debug, ApiError)]
/// enum Admins {
///     #[api(status = 400, code = "Taken", message = "This name is in use.")]
///     NameTaken,
/// }
///
/// let error = Docs::new().catalog::<Users>().catalog::<Admins>().render().unwrap_err();
/// let DocsError::Conflicts(conflicts) = &error else { unreachable!() };
/// assert_eq!(conflicts[0].code, "Taken");
/// assert!(error.to_string().contains("Users::EmailTaken"));
/// assert!(error.to_string().contains("Admins::NameTaken"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum DocsError {
    /// Codes defined twice with a different status or message, each named
    /// with both definitions. (The same code with the same status and message
    /// is one error listed twice, for instance through a `transparent`
    /// variant: it is kept once.)
    Conflicts(Vec<Conflict>),
    /// An example was given for a code that none of the catalogs has.
    UnknownExample {
        /// The code of the example.
        code: &'static str,
        /// The example's type, as [`core::any::type_name`] writes it.
        type_name: &'static str,
    },
    /// An example body could not be serialized.
    Body {
        /// The code of the error.
        code: &'static str,
        /// The error's type, as [`core::any::type_name`] writes it.
        type_name: &'static str,
        /// What the serializer said.
        message: String,
    },
}

impl fmt::Display for DocsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocsError::Conflicts(conflicts) => {
                let mut separator = "";
                for conflict in conflicts {
                    write!(f, "{separator}{conflict}")?;
                    separator = "\n";
                }
                Ok(())
            }
            DocsError::UnknownExample { code, type_name } => write!(
                f,
                "the example of `{code}` ({type_name}) is not an error of the catalogs; add its catalog first"
            ),
            DocsError::Body {
                code,
                type_name,
                message,
            } => write!(
                f,
                "the example body of `{code}` ({type_name}) failed to serialize: {message}"
            ),
        }
    }
}

impl Error for DocsError {}

/// One code defined by two catalog rows (or a row and an example) with a
/// different status or message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Conflict {
    /// The code defined twice.
    pub code: &'static str,
    /// The definition met first.
    pub first: Definition,
    /// The definition that disagrees with it.
    pub second: Definition,
}

impl Conflict {
    fn between(first: &Merged<'_>, second: &Row) -> Option<Conflict> {
        let (a, b) = (first.entry, second.entry);
        let agree = a.status == b.status && a.message == b.message;
        (!agree).then_some(Conflict {
            code: a.code,
            first: Definition {
                type_name: first.type_name,
                entry: *a,
            },
            second: Definition {
                type_name: second.type_name,
                entry: *b,
            },
        })
    }
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "code `{}` is defined twice, with a different status or message: by {} and by {}",
            self.code, self.first, self.second
        )
    }
}

/// Where a code is defined: a variant of a type, with its catalog row.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Definition {
    /// The type, as [`core::any::type_name`] writes it.
    pub type_name: &'static str,
    /// The row; its `name` is the variant.
    pub entry: ErrorEntry,
}

impl fmt::Display for Definition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "`{}::{}` ({} {:?})",
            self.type_name, self.entry.name, self.entry.status, self.entry.message
        )
    }
}
