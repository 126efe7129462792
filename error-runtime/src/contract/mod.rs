//! The error contract: a checked-in lock file of every code a service has
//! sent, and a check that fails the tests when the code breaks it.
//!
//! Clients switch on error codes and statuses, so once an error is
//! released they are part of the API: a code must not move to another
//! status, lose a member clients read, or come back after it was retired.
//! The lock records, for every code, its state (`active`, `deprecated` or
//! `retired`), status, format, problem `type` URI, message (with the
//! fields it interpolates), exposed members, header fields, description and
//! the variant that defines it — all read from the catalogs, with nothing
//! declared twice. [`Contract::check`] compares the catalogs with the lock
//! and classifies each difference (see [`ChangeKind`] for every id):
//!
//! - **compatible**: a new code, a new exposed member, placeholder or
//!   header, a message's wording or a description changed, a code
//!   deprecated;
//! - **breaking**: a code removed (it stays in the lock as `retired`), a
//!   status, format or type URI changed, a placeholder, exposed member or
//!   header field removed or renamed;
//! - **forbidden**: a retired code used again, with any status.
//!
//! While the lock records the catalogs, the check passes and writes nothing.
//! Otherwise it fails with a one-screen report of each change — its id, the
//! code, the variant, old and new value — and the command that accepts it:
//! `ERRCAT_BLESS=1` records compatible changes, `ERRCAT_BLESS=breaking`
//! breaking ones too, and nothing records a forbidden one.
//! [`Report::to_json`] gives the same report to CI bots.
//!
//! ```
//! use errcat::ApiError;
//! use errcat::contract::{BlessMode, Contract};
//!
//! /// Errors of the users API.
//! #[derive(Debug, ApiError)]
//! #[api(format = "nested")]
//! enum UserError {
//!     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
//!     EmailAlreadyExists,
//!     #[api(status = 404, message = "No user {id}")]
//!     UserNotFound { id: u64 },
//! }
//!
//! // In a test: `Contract::new().catalog::<UserError>().check("docs/errors.lock").unwrap();`,
//! // which reads the mode from ERRCAT_BLESS. Here the mode is given.
//! let path = std::env::temp_dir().join("errcat-contract-doctest/errors.lock");
//! let _ = std::fs::remove_file(&path);
//! let contract = Contract::new().catalog::<UserError>();
//! contract.check_with(&path, BlessMode::Compatible).unwrap();
//! contract.check_with(&path, BlessMode::Check).unwrap();
//!
//! let lock = std::fs::read_to_string(&path).unwrap();
//! assert!(lock.contains(
//!     "[\"UserNotFound\"]\n\
//!      state = \"active\"\n\
//!      status = 404\n\
//!      format = \"nested\"\n\
//!      variant = \"UserError::UserNotFound\"\n\
//!      message = \"No user {id}\"\n\
//!      placeholders = [\"id\"]\n"
//! ));
//!
//! // The same code, moved to another status: a breaking change.
//! #[derive(Debug, ApiError)]
//! #[api(format = "nested")]
//! enum Changed {
//!     #[api(status = 400, code = "EmailAlreadyExists", message = "This email is already in use.")]
//!     EmailAlreadyExists,
//!     #[api(status = 404, code = "UserNotFound", message = "No user {id}")]
//!     UserNotFound { id: u64 },
//! }
//!
//! let error = Contract::new().catalog::<Changed>().check_with(&path, BlessMode::Compatible).unwrap_err();
//! let change = &error.report().unwrap().changes()[0];
//! assert_eq!(change.id(), "error-status-changed");
//! assert_eq!(
//!     change.to_string(),
//!     "code `EmailAlreadyExists` (`Changed::EmailAlreadyExists`) changed status from 409 Conflict to 400 Bad Request",
//! );
//! assert!(error.to_string().contains("`ERRCAT_BLESS=breaking cargo test`"));
//! ```
//!
//! The lock is TOML, one table per code ordered by code, one key per line,
//! so that a change to the contract is a small diff in review; the same
//! contract is always the same bytes. See [`Lock`].

mod diff;
mod lock;
mod report;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::io;
use std::path::Path;

pub use self::diff::{Change, ChangeKind, Diff, Severity};
pub use self::lock::{Lock, LockedCode, ParseError, State};
pub use self::report::{CheckError, Report};
pub use crate::definitions::{Conflict, Conflicts, Definition, Difference};

use crate::Catalog;
use crate::definitions::{self, Source};

/// The environment variable that makes [`Contract::check`] record changes.
const BLESS: &str = "ERRCAT_BLESS";

/// Which changes [`Contract::check_with`] records in the lock.
///
/// ```
/// use errcat::contract::BlessMode;
///
/// let mode = BlessMode::from_env();
/// let expected = match std::env::var("ERRCAT_BLESS").as_deref() {
///     Ok("1") => BlessMode::Compatible,
///     Ok("breaking") => BlessMode::Breaking,
///     _ => BlessMode::Check,
/// };
/// assert_eq!(mode, expected);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BlessMode {
    /// None: any change fails the check.
    Check,
    /// Compatible changes (`ERRCAT_BLESS=1`).
    Compatible,
    /// Compatible and breaking changes (`ERRCAT_BLESS=breaking`).
    Breaking,
}

impl BlessMode {
    /// [`Compatible`](BlessMode::Compatible) when `ERRCAT_BLESS` is `1`,
    /// [`Breaking`](BlessMode::Breaking) when it is `breaking`,
    /// [`Check`](BlessMode::Check) otherwise.
    #[must_use]
    pub fn from_env() -> Self {
        match std::env::var_os(BLESS) {
            Some(value) if value == "1" => BlessMode::Compatible,
            Some(value) if value == "breaking" => BlessMode::Breaking,
            _ => BlessMode::Check,
        }
    }

    /// `check`, `compatible` or `breaking`.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            BlessMode::Check => "check",
            BlessMode::Compatible => "compatible",
            BlessMode::Breaking => "breaking",
        }
    }

    /// Whether a change of `severity` is recorded.
    #[must_use]
    pub fn accepts(self, severity: Severity) -> bool {
        match self {
            BlessMode::Check => false,
            BlessMode::Compatible => severity == Severity::Compatible,
            BlessMode::Breaking => severity <= Severity::Breaking,
        }
    }
}

/// The error contract of the code: the catalogs it is read from.
///
/// Add catalogs with [`catalog`](Self::catalog), or every type of the
/// registry with `registry` (feature `registry`, `errcat::registry`). Each
/// code is defined by the type whose own variant carries it (a type that
/// repeats a row through a `transparent` variant does not define it again);
/// a code two types define with another status, message, format or type URI
/// is a [`Conflicts`] error.
#[derive(Clone, Default)]
pub struct Contract {
    sources: Vec<Source>,
}

impl fmt::Debug for Contract {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Contract")
            .field(
                "catalogs",
                &self
                    .sources
                    .iter()
                    .map(|source| source.type_name)
                    .collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Contract {
    /// A contract of no catalog.
    #[must_use]
    pub fn new() -> Self {
        Contract::default()
    }

    /// Adds `T`'s catalog, in its format.
    #[must_use]
    pub fn catalog<T: Catalog>(mut self) -> Self {
        self.sources.push(Source::of::<T>());
        self
    }

    /// Adds every type of the [registry](crate::registry): the contract of
    /// the whole binary.
    ///
    /// ```standalone_crate
    /// use errcat::ApiError;
    /// use errcat::contract::Contract;
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, message = "No user {id}")]
    /// struct UserNotFound {
    ///     id: u64,
    /// }
    ///
    /// let lock = Contract::new().registry().lock().unwrap();
    /// let codes: Vec<&str> = lock.codes().map(|(code, _)| code).collect();
    /// assert_eq!(codes, ["UserNotFound"]);
    /// ```
    #[cfg(feature = "registry")]
    #[must_use]
    pub fn registry(mut self) -> Self {
        self.sources
            .extend(crate::registry::types().iter().map(|ty| ty.source()));
        self
    }

    /// The definition of each code, ordered by code.
    fn current(&self) -> Result<BTreeMap<String, LockedCode>, Conflicts> {
        let (definitions, conflicts) = definitions::define(&self.sources);
        if !conflicts.is_empty() {
            return Err(Conflicts::new(conflicts));
        }
        Ok(definitions
            .into_iter()
            .map(|definition| {
                let entry = definition.entry;
                let owned = |names: &[&str]| names.iter().map(|&name| name.to_owned()).collect();
                let locked = LockedCode {
                    state: if entry.deprecated.is_some() {
                        State::Deprecated
                    } else {
                        State::Active
                    },
                    status: entry.status,
                    format: definition.format.to_owned(),
                    type_uri: definition.type_uri.clone(),
                    variant: definition.variant(),
                    message: entry.message.to_owned(),
                    placeholders: owned(entry.template_fields()),
                    exposed: owned(entry.exposed_members()),
                    headers: owned(entry.header_fields()),
                    deprecated: entry.deprecated.map(str::to_owned),
                    description: entry.description.to_owned(),
                };
                (entry.code.to_owned(), locked)
            })
            .collect())
    }

    /// The lock of this contract alone, as a first check writes it.
    ///
    /// # Errors
    ///
    /// The [`Conflicts`] when the catalogs define a code twice, differently.
    pub fn lock(&self) -> Result<Lock, Conflicts> {
        Ok(Lock::from_codes(self.current()?))
    }

    /// The changes from `lock` to this contract, classified, and the lock
    /// that records them; reads and writes nothing.
    ///
    /// # Errors
    ///
    /// The [`Conflicts`] when the catalogs define a code twice, differently.
    pub fn diff(&self, lock: &Lock) -> Result<Diff, Conflicts> {
        Ok(diff::diff(lock, self.current()?))
    }

    /// Checks the lock file at `path` against the contract, recording the
    /// changes `ERRCAT_BLESS` accepts (see [`BlessMode::from_env`]); meant
    /// for a test:
    ///
    /// ```no_run
    /// # #[derive(Debug, errcat::ApiError)]
    /// # #[api(status = 404)]
    /// # struct UserError;
    /// use errcat::contract::Contract;
    ///
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/errors.lock");
    /// Contract::new().catalog::<UserError>().check(path).unwrap();
    /// ```
    ///
    /// A relative `path` is relative to the working directory: the package's
    /// root in `cargo test`.
    ///
    /// # Errors
    ///
    /// As [`check_with`](Self::check_with).
    pub fn check(&self, path: impl AsRef<Path>) -> Result<Report, CheckError> {
        self.check_with(path, BlessMode::from_env())
    }

    /// [`check`](Self::check), with the mode given rather than read from
    /// `ERRCAT_BLESS`: for a tool with its own flags, or a test of each mode.
    ///
    /// A lock that records the contract, byte for byte as errcat writes
    /// it, passes and is not written. Otherwise the lock is written when
    /// `mode` accepts every change (a missing lock is created: every code
    /// is new), and the check fails when it does not, writing nothing. The
    /// [`Report`] lists the changes either way.
    ///
    /// # Errors
    ///
    /// [`CheckError::Rejected`] when `mode` does not accept every change,
    /// [`CheckError::Malformed`] when the file is not a lock,
    /// [`CheckError::Conflicts`] when the catalogs define a code twice,
    /// differently, and [`CheckError::Io`] when the file cannot be read or
    /// written.
    pub fn check_with(
        &self,
        path: impl AsRef<Path>,
        mode: BlessMode,
    ) -> Result<Report, CheckError> {
        let path = path.as_ref();
        let io_error = |error| CheckError::Io {
            path: path.to_owned(),
            error,
        };
        let found = match fs::read_to_string(path) {
            Ok(text) => Some(text),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(error) => return Err(io_error(error)),
        };
        let old = match &found {
            Some(text) => Lock::parse(text).map_err(|error| CheckError::Malformed {
                path: path.to_owned(),
                error,
            })?,
            None => Lock::default(),
        };
        let diff = self.diff(&old).map_err(CheckError::Conflicts)?;
        let worst = diff.worst();
        let (changes, lock) = diff.into_parts();
        let text = lock.render();
        let mut report = Report {
            path: path.to_owned(),
            mode,
            changes,
            missing: found.is_none(),
            written: false,
        };
        let fresh = found.as_deref() == Some(text.as_str());
        if fresh && worst.is_none() {
            return Ok(report);
        }
        let accepted = mode != BlessMode::Check && worst.is_none_or(|worst| mode.accepts(worst));
        if !accepted {
            return Err(CheckError::Rejected(report));
        }
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            fs::create_dir_all(folder).map_err(io_error)?;
        }
        fs::write(path, text).map_err(io_error)?;
        report.written = true;
        Ok(report)
    }
}
