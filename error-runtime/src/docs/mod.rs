//! Documentation rendered from catalogs, and kept in sync with them.
//!
//! - [`markdown`]: the error table of one catalog, as [`Catalog::MARKDOWN`]
//!   holds it.
//! - `Docs` (feature `docs`): a page built from one or more catalogs — a heading and intro
//!   of your choosing, a status table, the error table with the columns you
//!   pick, and an example body per code, written by the real serializer.
//! - `sync` (feature `docs`): a check, for a test or a build script, that a checked-in page
//!   still holds what the catalogs render; it prints a line diff when the
//!   page is stale and rewrites it when `ERRCAT_BLESS=1` is set.
//!
//! ```
//! # #[cfg(feature = "docs")] {
//! use errcat::docs::{Docs, Section};
//! use errcat::{ApiError, Catalog};
//!
//! /// Errors of the users API.
//! #[derive(Debug, ApiError)]
//! #[api(format = "nested")]
//! enum UserError {
//!     /// Each email belongs to one account.
//!     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
//!     EmailTaken,
//!     #[api(status = 404, message = "No user {id}")]
//!     UserNotFound { id: u64 },
//! }
//!
//! let page = Docs::new()
//!     .title("Errors")
//!     .catalog_of(&UserError::EmailTaken)
//!     .sections([Section::StatusTable, Section::ErrorTable, Section::ExampleBodies])
//!     .render()
//!     .unwrap();
//! assert!(page.starts_with("# Errors\n"));
//! assert!(page.contains("| 404 | UserNotFound | No user {id} |  |\n"));
//! assert!(page.contains(r#""message": "No user <id>","#));
//! # }
//! ```
//!
//! [`Catalog::MARKDOWN`]: crate::Catalog::MARKDOWN

// The page builder and `sync`, behind the `docs` feature: a server needs
// neither, and they double errcat's own compile time.
#[cfg(feature = "docs")]
mod builder;
#[cfg(feature = "docs")]
mod diff;
#[cfg(feature = "docs")]
mod examples;
#[cfg(all(feature = "docs", feature = "locales"))]
mod locales;
#[cfg(feature = "docs")]
mod merge;
#[cfg(feature = "docs")]
mod status;
#[cfg(feature = "docs")]
mod sync;
#[cfg(feature = "docs")]
mod table;

#[cfg(feature = "docs")]
pub use self::builder::{Docs, Section};
#[cfg(feature = "docs")]
pub use self::merge::{Conflict, Definition, DocsError};
#[cfg(feature = "docs")]
pub use self::status::status_description;
#[cfg(feature = "docs")]
pub use self::sync::{SyncError, SyncMode, sync, sync_with};
#[cfg(feature = "docs")]
pub use self::table::Column;

use crate::ErrorEntry;

/// The markdown table of `entries`: one row per entry under the header
/// `| Status | Code | Message | Description |`.
///
/// Cell text is escaped so that `|`, line breaks and markdown punctuation
/// never break the table or turn into markup. [`Catalog::MARKDOWN`] is this
/// table, rendered at compile time.
///
/// [`Catalog::MARKDOWN`]: crate::Catalog::MARKDOWN
///
/// ```
/// use errcat::{ApiError, Catalog};
///
/// #[derive(Debug, ApiError)]
/// enum UserError {
///     /// Each email belongs to one account.
///     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
///     EmailTaken,
///     #[api(status = 404, message = "No user {id}")]
///     UserNotFound { id: u64 },
/// }
///
/// assert_eq!(
///     errcat::docs::markdown(UserError::ENTRIES),
///     "| Status | Code | Message | Description |\n\
///      | --- | --- | --- | --- |\n\
///      | 409 | EmailAlreadyExists | This email is already in use. | Each email belongs to one account. |\n\
///      | 404 | UserNotFound | No user {id} |  |\n",
/// );
/// ```
#[must_use]
pub fn markdown(entries: &[ErrorEntry]) -> String {
    crate::markdown::table(entries)
}
