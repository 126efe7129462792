//! The static list of every error a type can produce.

use http::StatusCode;

/// Every error of a type, in declaration order, and their documentation table.
///
/// Implemented by `#[derive(ApiError)]`. A `transparent` variant contributes the
/// rows of its field's type in its place (or none when that type depends on one
/// of the enum's type parameters, whose rows are unknown until use).
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
/// let codes: Vec<&str> = UserError::ENTRIES.iter().map(|entry| entry.code).collect();
/// assert_eq!(codes, ["EmailAlreadyExists", "UserNotFound"]);
/// assert_eq!(UserError::MARKDOWN, errcat::docs::markdown(UserError::ENTRIES));
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` has no error catalog",
    label = "not an `errcat::Catalog`",
    note = "derive `errcat::ApiError` for it, which implements `Catalog` too"
)]
pub trait Catalog {
    /// One row per error, in declaration order.
    const ENTRIES: &'static [ErrorEntry];

    /// The markdown table of [`ENTRIES`](Self::ENTRIES), rendered at compile
    /// time; always equal to [`docs::markdown(Self::ENTRIES)`](crate::docs::markdown).
    const MARKDOWN: &'static str;
}

/// A boxed error has the catalog of the error inside, so that a
/// `transparent` variant can hold a `Box<Inner>`.
impl<E: Catalog> Catalog for Box<E> {
    const ENTRIES: &'static [ErrorEntry] = E::ENTRIES;
    const MARKDOWN: &'static str = E::MARKDOWN;
}

/// One row of a [`Catalog`]: what an API user can learn about an error without
/// triggering it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct ErrorEntry {
    /// The variant's name as written in Rust (the type's name for a struct).
    pub name: &'static str,
    /// The HTTP status, always in 400–599.
    pub status: u16,
    /// The stable machine-readable code.
    pub code: &'static str,
    /// The message template as written (`"No user {id}"`), or the status's reason
    /// phrase when the error has no message of its own.
    pub message: &'static str,
    /// The doc comment: its non-blank lines, each trimmed, joined with single
    /// spaces; empty when there is none.
    pub description: &'static str,
    /// Whether `message` is the public message itself, with nothing to
    /// interpolate, so that it can be serialized as it is.
    literal: bool,
}

impl ErrorEntry {
    /// Builds a row. Generated code reaches this through `__private`, so that
    /// the struct can gain fields without breaking derived code.
    pub(crate) const fn new(
        name: &'static str,
        status: u16,
        code: &'static str,
        message: &'static str,
        description: &'static str,
        literal: bool,
    ) -> Self {
        ErrorEntry {
            name,
            status,
            code,
            message,
            description,
            literal,
        }
    }

    /// The public message, when it is the same for every value.
    pub(crate) const fn literal_message(&self) -> Option<&'static str> {
        if self.literal {
            Some(self.message)
        } else {
            None
        }
    }

    /// The status as an [`http::StatusCode`].
    ///
    /// ```
    /// # use errcat::{ApiError, Catalog};
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409)]
    /// struct Conflict;
    ///
    /// assert_eq!(Conflict::ENTRIES[0].status_code(), http::StatusCode::CONFLICT);
    /// ```
    #[must_use]
    pub fn status_code(&self) -> StatusCode {
        // Entries are only built by the derive, which accepts 400–599; the
        // fallback keeps this total without a panic path.
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The reason phrase of the status: [`StatusCode::canonical_reason`], or
    /// "Client Error" / "Server Error" for a status that has none.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        crate::reason::reason_phrase(self.status_code())
    }
}
