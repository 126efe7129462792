//! Documentation rendered from catalogs.

use crate::ErrorEntry;
use crate::markdown::render;

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
    let mut table = vec![0; render(entries, &mut [])];
    render(entries, &mut table);
    // Escaping only inserts ASCII between the bytes of valid UTF-8 text.
    match String::from_utf8(table) {
        Ok(table) => table,
        Err(error) => String::from_utf8_lossy(error.as_bytes()).into_owned(),
    }
}
