//! Keeping a checked-in page equal to what the catalogs render.

use std::error::Error;
use std::fmt;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::diff::unified;

/// The environment variable that makes [`sync`] rewrite stale files.
const BLESS: &str = "ERRCAT_BLESS";

/// What [`sync_with`] does with a file that does not hold the content.
///
/// ```
/// use errcat::docs::SyncMode;
///
/// // `Bless` only under ERRCAT_BLESS=1 (or =breaking, which accepts more).
/// let mode = SyncMode::from_env();
/// let bless = matches!(std::env::var("ERRCAT_BLESS").as_deref(), Ok("1" | "breaking"));
/// assert_eq!(mode == SyncMode::Bless, bless);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SyncMode {
    /// Leave the file alone and fail with a diff.
    Check,
    /// Write the content into the file (creating it and its folders).
    Bless,
}

impl SyncMode {
    /// [`Bless`](SyncMode::Bless) when the environment variable
    /// `ERRCAT_BLESS` is `1`, or `breaking` (the error contract's mode that
    /// also records breaking changes, which blesses pages too);
    /// [`Check`](SyncMode::Check) otherwise.
    #[must_use]
    pub fn from_env() -> Self {
        if std::env::var_os(BLESS).is_some_and(|value| value == "1" || value == "breaking") {
            SyncMode::Bless
        } else {
            SyncMode::Check
        }
    }
}

/// Checks that the file at `path` holds exactly `content`; under
/// `ERRCAT_BLESS=1`, writes `content` into it instead of failing.
///
/// Call it from a test (or a build script) with the page [`Docs`] renders,
/// so that the build fails when the checked-in page no longer matches the
/// catalogs; the error's `Display` (and `Debug`, for `unwrap` and `?`) is a
/// line diff from the file to the content, and the command that updates the
/// file. A relative `path` is relative to the working directory: the
/// package's root in `cargo test` and in build scripts; `env!("CARGO_MANIFEST_DIR")`
/// makes it explicit. A file that already holds the content is not written.
///
/// [`Docs`]: super::Docs
///
/// ```no_run
/// use errcat::docs::Docs;
/// # #[derive(Debug, errcat::ApiError)]
/// # #[api(status = 404)]
/// # struct UserError;
///
/// // In a #[test] function (or a build script's main):
/// let page = Docs::new().title("Errors").catalog::<UserError>().render().unwrap();
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/errors.md");
/// errcat::docs::sync(path, &page).unwrap();
/// ```
///
/// # Errors
///
/// When the file does not hold `content` (or does not exist) and
/// `ERRCAT_BLESS` is not `1`, and when the file cannot be read or written.
pub fn sync(path: impl AsRef<Path>, content: &str) -> Result<(), SyncError> {
    sync_with(path, content, SyncMode::from_env())
}

/// [`sync`], with the mode given rather than read from `ERRCAT_BLESS`: for a
/// tool with its own `--bless` flag, or a test of both modes.
///
/// ```
/// use errcat::docs::{SyncMode, sync_with};
///
/// let path = std::env::temp_dir().join("errcat-sync-with-doctest.md");
/// std::fs::write(&path, "| 404 | NotFound |\n").unwrap();
///
/// let error = sync_with(&path, "| 404 | UserNotFound |\n", SyncMode::Check).unwrap_err();
/// assert!(error.to_string().contains("-| 404 | NotFound |\n+| 404 | UserNotFound |\n"));
/// assert!(error.to_string().contains("ERRCAT_BLESS=1"));
///
/// sync_with(&path, "| 404 | UserNotFound |\n", SyncMode::Bless).unwrap();
/// sync_with(&path, "| 404 | UserNotFound |\n", SyncMode::Check).unwrap();
/// ```
///
/// # Errors
///
/// As [`sync`].
pub fn sync_with(path: impl AsRef<Path>, content: &str, mode: SyncMode) -> Result<(), SyncError> {
    let path = path.as_ref();
    let io_error = |error| SyncError {
        path: path.to_owned(),
        kind: Kind::Io(error),
    };
    let found = match fs::read(path) {
        Ok(found) if found == content.as_bytes() => return Ok(()),
        Ok(found) => Some(found),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(io_error(error)),
    };
    match mode {
        SyncMode::Bless => {
            if let Some(folder) = path
                .parent()
                .filter(|folder| !folder.as_os_str().is_empty())
            {
                fs::create_dir_all(folder).map_err(io_error)?;
            }
            fs::write(path, content).map_err(io_error)
        }
        SyncMode::Check => {
            let old = String::from_utf8_lossy(found.as_deref().unwrap_or_default());
            let name = path.display();
            let diff = unified(
                &old,
                content,
                &format!("{name} (checked in)"),
                &format!("{name} (generated)"),
            );
            Err(SyncError {
                path: path.to_owned(),
                kind: Kind::Stale {
                    diff,
                    missing: found.is_none(),
                },
            })
        }
    }
}

/// Why [`sync`] failed: the file is stale (or missing), or could not be read
/// or written.
///
/// Its `Display` and `Debug` are the same readable report, so that `unwrap`,
/// `expect` and `?` in a test or a build script print the diff as it is.
///
/// ```
/// use errcat::docs::{SyncMode, sync_with};
///
/// let path = std::env::temp_dir().join("errcat-sync-error-doctest/missing.md");
/// let _ = std::fs::remove_file(&path);
/// let error = sync_with(&path, "# Errors\n", SyncMode::Check).unwrap_err();
/// assert_eq!(error.path(), path);
/// assert_eq!(error.diff(), Some(&*format!(
///     "--- {0} (checked in)\n+++ {0} (generated)\n@@ -0,0 +1,1 @@\n+# Errors\n",
///     path.display(),
/// )));
/// assert!(error.to_string().starts_with(&format!("{} does not exist", path.display())));
/// ```
pub struct SyncError {
    path: PathBuf,
    kind: Kind,
}

enum Kind {
    Stale { diff: String, missing: bool },
    Io(io::Error),
}

impl SyncError {
    /// The file that was checked.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The line diff from the file's text to the content, when the file is
    /// stale or missing; `None` when it could not be read or written.
    #[must_use]
    pub fn diff(&self) -> Option<&str> {
        match &self.kind {
            Kind::Stale { diff, .. } => Some(diff),
            Kind::Io(_) => None,
        }
    }
}

impl fmt::Display for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.path.display();
        match &self.kind {
            Kind::Stale { diff, missing } => {
                if *missing {
                    writeln!(f, "{path} does not exist; it should hold:")?;
                } else {
                    writeln!(
                        f,
                        "{path} is stale: it differs from the documentation generated from the catalog:"
                    )?;
                }
                write!(
                    f,
                    "{diff}\nTo update it, run the same command with {BLESS}=1 set, e.g. `{BLESS}=1 cargo test`."
                )
            }
            Kind::Io(error) => write!(f, "cannot sync {path}: {error}"),
        }
    }
}

impl fmt::Debug for SyncError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl Error for SyncError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.kind {
            Kind::Stale { .. } => None,
            Kind::Io(error) => Some(error),
        }
    }
}
