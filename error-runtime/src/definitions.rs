//! One definition per code across several catalogs, and the codes that two
//! of them define differently: what the registry reports and what the
//! contract records.
//!
//! A code is defined by the type whose own variant carries it; a type that
//! takes the row through a `transparent` variant repeats it (in its own
//! format, which is no second definition). A row whose defining type is not
//! among the catalogs (a generic type, which the registry cannot list) is
//! defined by the first type that repeats it.

use std::collections::{HashMap, HashSet};
use std::error::Error;
use std::fmt;

use crate::ErrorEntry;
use crate::format::TypeSettings;

/// A catalog to read definitions from.
#[derive(Clone, Copy)]
pub(crate) struct Source {
    pub(crate) type_name: &'static str,
    pub(crate) crate_name: &'static str,
    pub(crate) entries: &'static [ErrorEntry],
    pub(crate) own: &'static [ErrorEntry],
    pub(crate) settings: &'static TypeSettings,
}

impl Source {
    /// `T`'s catalog, its crate read from its type name.
    #[cfg(feature = "contract")]
    pub(crate) fn of<T: crate::Catalog>() -> Self {
        let type_name = core::any::type_name::<T>();
        Source {
            type_name,
            crate_name: first_segment(type_name),
            entries: T::ENTRIES,
            own: T::__OWN_ENTRIES,
            settings: T::__SETTINGS,
        }
    }

    fn definition(&self, entry: &'static ErrorEntry) -> Definition {
        Definition {
            type_name: self.type_name,
            crate_name: self.crate_name,
            format: self.settings.format_name(),
            type_uri: self.settings.type_uri(entry.code),
            entry: *entry,
        }
    }
}

/// The first segment of a path: the crate of a type or module path.
pub(crate) fn first_segment(path: &'static str) -> &'static str {
    path.split("::").next().unwrap_or(path)
}

#[cfg(feature = "contract")]
/// `type_name` without the module path of any of its segments:
/// `app::errors::Wrapper<app::Inner>` reads `Wrapper<Inner>`.
pub(crate) fn short_type_name(type_name: &str) -> String {
    let mut out = String::with_capacity(type_name.len());
    // Where the path segment being written started in `out`.
    let mut segment = 0;
    let mut rest = type_name;
    while let Some(c) = rest.chars().next() {
        if let Some(after) = rest.strip_prefix("::") {
            out.truncate(segment);
            rest = after;
            continue;
        }
        out.push(c);
        if !(c.is_alphanumeric() || c == '_') {
            segment = out.len();
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Where a code is defined: a variant of a type, in a crate, with its row
/// and what its format makes of it.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Definition {
    /// The type, as [`core::any::type_name`] writes it.
    pub type_name: &'static str,
    /// The crate the type is defined in.
    pub crate_name: &'static str,
    /// The type's format: a built-in format's name (`nested`), or a custom
    /// format's type name.
    pub format: &'static str,
    /// The problem `type` the error is sent with, in the `problem` format.
    pub type_uri: Option<String>,
    /// The row; its `name` is the variant.
    pub entry: ErrorEntry,
}

#[cfg(feature = "contract")]
impl Definition {
    /// `Type::Variant`, the type without its module path (the type alone for
    /// a struct, whose row is named after it).
    pub(crate) fn variant(&self) -> String {
        let ty = short_type_name(self.type_name);
        if ty == self.entry.name {
            ty
        } else {
            format!("{ty}::{}", self.entry.name)
        }
    }
}

impl fmt::Display for Definition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A struct's row is named after the type.
        let struct_row = self.type_name.rsplit("::").next() == Some(self.entry.name);
        let separator = if struct_row { "" } else { "::" };
        let variant = if struct_row { "" } else { self.entry.name };
        write!(
            f,
            "`{}{separator}{variant}` (crate `{}`: {} {:?}, format {}",
            self.type_name, self.crate_name, self.entry.status, self.entry.message, self.format,
        )?;
        if let Some(uri) = &self.type_uri {
            write!(f, ", type {uri}")?;
        }
        f.write_str(")")
    }
}

/// What two definitions of one code disagree on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Difference {
    /// The HTTP status.
    Status,
    /// The message template.
    Message,
    /// The format of the body.
    Format,
    /// The problem `type` URI.
    TypeUri,
}

impl Difference {
    fn name(self) -> &'static str {
        match self {
            Difference::Status => "status",
            Difference::Message => "message",
            Difference::Format => "format",
            Difference::TypeUri => "type URI",
        }
    }
}

/// One code defined twice, differently: by two types, or by a type and a
/// type that repeats the row in another way.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Conflict {
    /// The code defined twice.
    pub code: &'static str,
    /// The definition met first (types in the order given, the registry's
    /// sorted by name).
    pub first: Definition,
    /// The definition that disagrees with it.
    pub second: Definition,
    /// What they disagree on, in the order status, message, format, type URI.
    pub differences: Vec<Difference>,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "code `{}` is defined twice, with a different ",
            self.code
        )?;
        let last = self.differences.len().saturating_sub(1);
        for (i, difference) in self.differences.iter().enumerate() {
            let separator = match i {
                0 => "",
                _ if i == last => " and ",
                _ => ", ",
            };
            write!(f, "{separator}{}", difference.name())?;
        }
        write!(f, ": by {} and by {}", self.first, self.second)
    }
}

/// Codes that the catalogs define differently: [`Conflict`]s, one per line
/// in `Display` (and in `Debug`, so that `unwrap` prints them as they are).
#[derive(Clone, PartialEq, Eq)]
pub struct Conflicts {
    conflicts: Vec<Conflict>,
}

impl Conflicts {
    pub(crate) fn new(conflicts: Vec<Conflict>) -> Self {
        Conflicts { conflicts }
    }

    /// Each code defined twice, ordered by code.
    #[must_use]
    pub fn conflicts(&self) -> &[Conflict] {
        &self.conflicts
    }
}

impl fmt::Display for Conflicts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut separator = "";
        for conflict in &self.conflicts {
            write!(f, "{separator}{conflict}")?;
            separator = "\n";
        }
        Ok(())
    }
}

impl fmt::Debug for Conflicts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Error for Conflicts {}

/// The definition of each code of `sources` and the codes defined
/// differently, both ordered by code. Linear in the rows but for the sort
/// (one hash map lookup each).
pub(crate) fn define(sources: &[Source]) -> (Vec<Definition>, Vec<Conflict>) {
    let rows: usize = sources.iter().map(|source| source.entries.len()).sum();
    let mut definitions: Vec<Definition> = Vec::with_capacity(rows);
    let mut index: HashMap<&'static str, usize> = HashMap::with_capacity(rows);
    let mut conflicts = Vec::new();
    // The first definition of a code stands; each later one that differs is
    // a conflict. `own`: whether the later one defines the code too (its
    // format then counts), rather than repeating the row.
    let mut record = |definition: Definition, own: bool| {
        let code = definition.entry.code;
        if let Some(&at) = index.get(code) {
            let differences = compare(&definitions[at], &definition, own);
            if !differences.is_empty() {
                conflicts.push(Conflict {
                    code,
                    first: definitions[at].clone(),
                    second: definition,
                    differences,
                });
            }
        } else {
            index.insert(code, definitions.len());
            definitions.push(definition);
        }
    };
    // Each type's own rows first: they define their codes, format included.
    for source in sources {
        for entry in source.own {
            record(source.definition(entry), true);
        }
    }
    // Then the rows types repeat through `transparent` variants: the same
    // status and message, in the repeating type's format.
    for source in sources {
        let own: HashSet<&str> = source.own.iter().map(|entry| entry.code).collect();
        for entry in source
            .entries
            .iter()
            .filter(|entry| !own.contains(entry.code))
        {
            record(source.definition(entry), false);
        }
    }
    definitions.sort_by(|a, b| a.entry.code.cmp(b.entry.code));
    conflicts.sort_by(|a, b| a.code.cmp(b.code));
    (definitions, conflicts)
}

/// What `a` and `b` disagree on; the format and type URI only when both
/// are definitions rather than a definition and its repetition, and the
/// type URI only in one format.
fn compare(a: &Definition, b: &Definition, formats: bool) -> Vec<Difference> {
    let mut differences = Vec::new();
    if a.entry.status != b.entry.status {
        differences.push(Difference::Status);
    }
    if a.entry.message != b.entry.message {
        differences.push(Difference::Message);
    }
    // Another format has another type URI, or none: the format says it.
    if formats && a.format != b.format {
        differences.push(Difference::Format);
    } else if formats && a.type_uri != b.type_uri {
        differences.push(Difference::TypeUri);
    }
    differences
}

#[cfg(all(test, feature = "contract"))]
mod tests {
    use super::short_type_name;

    #[test]
    fn short_type_names_drop_module_paths() {
        assert_eq!(short_type_name("app::errors::UserError"), "UserError");
        assert_eq!(short_type_name("UserError"), "UserError");
        assert_eq!(
            short_type_name("app::Wrapper<app::inner::Inner, &str>"),
            "Wrapper<Inner, &str>"
        );
        assert_eq!(short_type_name("alloc::boxed::Box<app::E>"), "Box<E>");
    }
}
