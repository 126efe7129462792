//! What a check found: the readable report, one screen long, and the JSON
//! report for CI bots.

use std::error::Error;
use std::fmt::{self, Write as _};
use std::io;
use std::path::{Path, PathBuf};

use serde_core::ser::{Serialize, SerializeMap, Serializer};

use super::diff::{Change, Severity};
use super::lock::ParseError;
use super::{BLESS, BlessMode};
use crate::definitions::Conflicts;

/// The most changes the readable report lists; the JSON report has them all.
const SHOWN: usize = 20;

/// What [`Contract::check`](super::Contract::check) compared: the lock's
/// path, the changes it found and whether it wrote the lock.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub(super) path: PathBuf,
    pub(super) mode: BlessMode,
    pub(super) changes: Vec<Change>,
    pub(super) missing: bool,
    pub(super) written: bool,
}

impl Report {
    /// The lock file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The changes found, ordered by code.
    #[must_use]
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }

    /// Whether the lock was written (created, or rewritten to record the
    /// changes).
    #[must_use]
    pub fn written(&self) -> bool {
        self.written
    }

    /// The worst severity among the changes; `None` when there is none.
    #[must_use]
    pub fn worst(&self) -> Option<Severity> {
        self.changes.iter().map(Change::severity).max()
    }

    fn count(&self, severity: Severity) -> usize {
        self.changes
            .iter()
            .filter(|change| change.severity() == severity)
            .count()
    }

    /// The report as JSON, for CI bots: the lock, the mode, whether it was
    /// written, a count per severity, and each change with its id,
    /// severity, code, variant, old and new value and sentence.
    ///
    /// ```text
    /// {
    ///   "lock": "docs/errors.lock",
    ///   "mode": "check",
    ///   "written": false,
    ///   "compatible": 0,
    ///   "breaking": 1,
    ///   "forbidden": 0,
    ///   "changes": [
    ///     {
    ///       "id": "error-status-changed",
    ///       "severity": "breaking",
    ///       "code": "EmailAlreadyExists",
    ///       "variant": "UsersError::EmailAlreadyExists",
    ///       "old": "409",
    ///       "new": "400",
    ///       "text": "code `EmailAlreadyExists` (`UsersError::EmailAlreadyExists`) changed status from 409 Conflict to 400 Bad Request"
    ///     }
    ///   ]
    /// }
    /// ```
    #[must_use]
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The sentence after the changes: what was done, or what would accept
    /// them.
    fn advice(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.worst() {
            Some(Severity::Forbidden) => f.write_str(
                "A retired code can never be used again, whatever ERRCAT_BLESS says: give the error a new code. Nothing was written.",
            ),
            Some(Severity::Breaking) => {
                if self.mode == BlessMode::Compatible {
                    f.write_str("ERRCAT_BLESS=1 records compatible changes only. ")?;
                }
                write!(
                    f,
                    "Clients switch on codes, statuses and members, so a breaking change is accepted only when asked for: to accept it, run the same command with {BLESS}=breaking set, e.g. `{BLESS}=breaking cargo test`. Nothing was written."
                )
            }
            Some(Severity::Compatible) | None => write!(
                f,
                "To {}, run the same command with {BLESS}=1 set, e.g. `{BLESS}=1 cargo test`.",
                if self.missing {
                    "create it"
                } else if self.changes.is_empty() {
                    "rewrite it"
                } else if self.changes.len() == 1 {
                    "record it"
                } else {
                    "record them"
                }
            ),
        }
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        if self.missing && self.worst() <= Some(Severity::Compatible) {
            writeln!(
                f,
                "{path} does not exist; it should record {} codes.",
                self.changes.len()
            )?;
            return self.advice(f);
        }
        if self.changes.is_empty() {
            writeln!(
                f,
                "{path} records the error contract, but not as errcat writes it."
            )?;
            return self.advice(f);
        }
        let counts: Vec<String> = [
            Severity::Forbidden,
            Severity::Breaking,
            Severity::Compatible,
        ]
        .into_iter()
        .filter_map(|severity| {
            let count = self.count(severity);
            let plural = if count == 1 { "" } else { "s" };
            (count > 0).then(|| format!("{count} {severity} change{plural}"))
        })
        .collect();
        writeln!(
            f,
            "{path}: the error contract changed ({}):\n",
            counts.join(", ")
        )?;
        let shown = &self.changes[..self.changes.len().min(SHOWN)];
        let width = shown.iter().map(|change| change.id().len()).max();
        for change in shown {
            let mut line = String::new();
            let _ = write!(
                line,
                "  {:<10}  {:<width$}  {change}",
                change.severity().name(),
                change.id(),
                width = width.unwrap_or_default(),
            );
            writeln!(f, "{}", line.trim_end())?;
        }
        if self.changes.len() > SHOWN {
            writeln!(
                f,
                "  ... and {} more (the JSON report lists them all)",
                self.changes.len() - SHOWN
            )?;
        }
        writeln!(f)?;
        self.advice(f)
    }
}

impl Serialize for Report {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("lock", &self.path.display().to_string())?;
        map.serialize_entry("mode", self.mode.name())?;
        map.serialize_entry("written", &self.written)?;
        for severity in [
            Severity::Compatible,
            Severity::Breaking,
            Severity::Forbidden,
        ] {
            map.serialize_entry(severity.name(), &self.count(severity))?;
        }
        map.serialize_entry("changes", &Changes(&self.changes))?;
        map.end()
    }
}

struct Changes<'a>(&'a [Change]);

impl Serialize for Changes<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(ChangeJson))
    }
}

struct ChangeJson<'a>(&'a Change);

impl Serialize for ChangeJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let change = self.0;
        let mut map = serializer.serialize_map(Some(7))?;
        map.serialize_entry("id", change.id())?;
        map.serialize_entry("severity", change.severity().name())?;
        map.serialize_entry("code", &change.code)?;
        map.serialize_entry("variant", &change.variant)?;
        map.serialize_entry("old", &change.old)?;
        map.serialize_entry("new", &change.new)?;
        map.serialize_entry("text", &change.to_string())?;
        map.end()
    }
}

/// Why [`Contract::check`](super::Contract::check) failed.
///
/// Its `Display` and `Debug` are the same readable report, so that
/// `unwrap`, `expect` and `?` in a test print it as it is.
#[non_exhaustive]
pub enum CheckError {
    /// The lock does not record the code's contract, and the mode does not
    /// accept the changes: the report says which they are and what would
    /// accept them. Nothing was written.
    Rejected(Report),
    /// The lock file cannot be read as a lock.
    Malformed {
        /// The lock file.
        path: PathBuf,
        /// The line and what is wrong with it.
        error: ParseError,
    },
    /// The catalogs define a code twice, differently: there is no one
    /// contract to check.
    Conflicts(Conflicts),
    /// The lock file could not be read or written.
    Io {
        /// The lock file.
        path: PathBuf,
        /// What the system said.
        error: io::Error,
    },
}

impl CheckError {
    /// The report of a rejected check.
    #[must_use]
    pub fn report(&self) -> Option<&Report> {
        match self {
            CheckError::Rejected(report) => Some(report),
            _ => None,
        }
    }
}

impl fmt::Display for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CheckError::Rejected(report) => report.fmt(f),
            CheckError::Malformed { path, error } => write!(
                f,
                "{}:{}: not a lock errcat can read: {}",
                path.display(),
                error.line(),
                error.message()
            ),
            CheckError::Conflicts(conflicts) => conflicts.fmt(f),
            CheckError::Io { path, error } => {
                write!(f, "cannot check {}: {error}", path.display())
            }
        }
    }
}

impl fmt::Debug for CheckError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Error for CheckError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            CheckError::Rejected(_) => None,
            CheckError::Malformed { error, .. } => Some(error),
            CheckError::Conflicts(conflicts) => Some(conflicts),
            CheckError::Io { error, .. } => Some(error),
        }
    }
}
