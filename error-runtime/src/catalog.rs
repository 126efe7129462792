//! The static list of every error a type can produce.

use http::StatusCode;

use crate::format::TypeSettings;
use crate::locale::Translations;
use crate::shared::charset::is_unreserved;
use crate::shared::reason::reason_phrase;

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

    /// The type-level settings (format, `type_base`, `challenge`), for
    /// writing example bodies without a value.
    #[doc(hidden)]
    const __SETTINGS: &'static TypeSettings = &TypeSettings::DEFAULT;

    /// Shows `visitor` the schema of each code's exposed members and
    /// details value, for the OpenAPI responses of the `utoipa` feature.
    #[doc(hidden)]
    fn __schema(visitor: &mut dyn crate::schema::SchemaVisitor) {
        let _ = visitor;
    }

    /// The row with `code`, if the catalog has one.
    ///
    /// ```
    /// use errcat::{ApiError, Catalog};
    ///
    /// #[derive(Debug, ApiError)]
    /// enum UserError {
    ///     #[api(status = 404, message = "No user {id}")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// assert_eq!(UserError::find("UserNotFound").unwrap().status, 404);
    /// assert!(UserError::find("RateLimited").is_none());
    /// ```
    #[must_use]
    fn find(code: &str) -> Option<&'static ErrorEntry> {
        Self::ENTRIES.iter().find(|entry| entry.code == code)
    }

    /// The rows the type defines itself: [`ENTRIES`](Self::ENTRIES) without
    /// those its `transparent` variants take from other types, which define
    /// them (for the registry's and the contract's view of who defines a
    /// code).
    #[doc(hidden)]
    const __OWN_ENTRIES: &'static [ErrorEntry] = Self::ENTRIES;

    /// The translations of the catalog's rows, the type's own and those of
    /// its `transparent` variants' types, for documentation written without
    /// a value.
    #[doc(hidden)]
    const __TRANSLATIONS: &'static Translations = &Translations::NONE;
}

/// A boxed error has the catalog of the error inside, so that a
/// `transparent` variant can hold a `Box<Inner>`.
impl<E: Catalog> Catalog for Box<E> {
    const ENTRIES: &'static [ErrorEntry] = E::ENTRIES;
    const MARKDOWN: &'static str = E::MARKDOWN;
    const __SETTINGS: &'static TypeSettings = E::__SETTINGS;
    const __OWN_ENTRIES: &'static [ErrorEntry] = E::__OWN_ENTRIES;
    const __TRANSLATIONS: &'static Translations = E::__TRANSLATIONS;

    fn __schema(visitor: &mut dyn crate::schema::SchemaVisitor) {
        E::__schema(visitor);
    }
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
    /// The note of `#[api(deprecated = "...")]` (what to use instead): the
    /// code is still sent, but clients should move off it. Docs pages and the
    /// lock of the error contract (feature `contract`) say so.
    pub deprecated: Option<&'static str>,
    /// The reason phrase of `status`, looked up once, when the row is built.
    reason: &'static str,
    /// The problem type URI the derive joined from the `type_base` of the
    /// row's type and the code; `""` for none.
    type_uri: &'static str,
    /// The message with each placeholder written `<field>` (`"No user <id>"`)
    /// and `{{`, `}}` as single braces: what example bodies show.
    placeholders: &'static str,
    /// Whether `message` is the public message itself, with nothing to
    /// interpolate, so that it can be serialized as it is.
    literal: bool,
    /// The fields the message template interpolates, each once, in order.
    template_fields: &'static [&'static str],
    /// The body members of exposed fields, in declaration order.
    exposed_members: &'static [&'static str],
    /// The response headers of header fields, in declaration order.
    header_fields: &'static [&'static str],
    /// The body the derive wrote, in the format and `type_base` of the type
    /// that defines the row, when only the message can differ from one value
    /// to the next (nothing exposed, no details value) and the format is
    /// built in.
    body: Option<Body>,
}

/// A body as the derive wrote it, in the format and `type_base` of its type:
/// whole, or JSON text around the text of its message string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Body {
    /// The whole body of a literal row, its message in it.
    Whole(&'static str),
    /// The body of a templated row: the text up to and including the
    /// message's opening quote, and from its closing quote.
    Around {
        before: &'static str,
        after: &'static str,
    },
}

impl Body {
    /// The body the derive wrote: a literal row's `whole`, or the text
    /// `before` and `after` its message's; `None` for `""` (a body's text is
    /// never empty).
    const fn new(whole: &'static str, before: &'static str, after: &'static str) -> Option<Body> {
        if !whole.is_empty() {
            Some(Body::Whole(whole))
        } else if !before.is_empty() {
            Some(Body::Around { before, after })
        } else {
            None
        }
    }
}

impl ErrorEntry {
    /// A row for an error written by hand (see [`Describe`](crate::Describe)):
    /// its name, status, code and the message as the documentation should
    /// show it. Example bodies show the message as it is.
    ///
    /// # Panics
    ///
    /// When `status` is not in 400–599, or `code` is empty or holds a
    /// character outside RFC 3986's unreserved set (`A-Z a-z 0-9 - . _ ~`):
    /// the rules the derive enforces. In a `static` or `const`, where rows
    /// belong, the panic is a compile error.
    ///
    /// ```
    /// use errcat::ErrorEntry;
    /// use errcat::http::StatusCode;
    ///
    /// static ROW: ErrorEntry = ErrorEntry::new(
    ///     "PayloadTooLarge",
    ///     StatusCode::PAYLOAD_TOO_LARGE,
    ///     "payload_too_large",
    ///     "The request body is too large",
    /// );
    /// assert_eq!(ROW.status, 413);
    /// assert_eq!(ROW.description, "");
    /// ```
    #[must_use]
    pub const fn new(
        name: &'static str,
        status: StatusCode,
        code: &'static str,
        message: &'static str,
    ) -> Self {
        let status = status.as_u16();
        assert!(
            status >= 400 && status <= 599,
            "errcat: an error's status must be in 400–599"
        );
        assert!(
            is_valid_code(code),
            "errcat: a code must be non-empty and use only `A-Z a-z 0-9 - . _ ~`"
        );
        ErrorEntry {
            name,
            status,
            code,
            message,
            description: "",
            deprecated: None,
            reason: reason_phrase(status),
            type_uri: "",
            placeholders: message,
            literal: false,
            template_fields: &[],
            exposed_members: &[],
            header_fields: &[],
            body: None,
        }
    }

    /// The row with `description`, the text of the catalog's Description
    /// column.
    #[must_use]
    pub const fn with_description(self, description: &'static str) -> Self {
        ErrorEntry {
            description,
            ..self
        }
    }

    /// The row with the note of a deprecated code, as
    /// `#[api(deprecated = "...")]` gives a derived one.
    ///
    /// ```
    /// use errcat::ErrorEntry;
    /// use errcat::http::StatusCode;
    ///
    /// static ROW: ErrorEntry = ErrorEntry::new("Gone", StatusCode::GONE, "gone", "Gone")
    ///     .with_deprecation("use `not_found`");
    /// assert_eq!(ROW.deprecated, Some("use `not_found`"));
    /// ```
    #[must_use]
    pub const fn with_deprecation(self, note: &'static str) -> Self {
        ErrorEntry {
            deprecated: Some(note),
            ..self
        }
    }

    /// The fields the message template interpolates, by name (`{id}` gives
    /// `id`, `{0}` gives `0`), each once, in order of first use; empty for a
    /// row written by hand.
    ///
    /// ```
    /// # use errcat::{ApiError, Catalog};
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404, message = "No {model} {id} (looked up {id} twice)")]
    /// struct NotFound {
    ///     id: u64,
    ///     model: &'static str,
    /// }
    ///
    /// assert_eq!(NotFound::ENTRIES[0].template_fields(), ["model", "id"]);
    /// ```
    #[must_use]
    pub const fn template_fields(&self) -> &'static [&'static str] {
        self.template_fields
    }

    /// The members exposed fields add to the body, in declaration order;
    /// empty for a row written by hand.
    ///
    /// ```
    /// # use errcat::{ApiError, Catalog};
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 404)]
    /// struct NotFound {
    ///     #[api(expose = "user_id")]
    ///     id: u64,
    /// }
    ///
    /// assert_eq!(NotFound::ENTRIES[0].exposed_members(), ["user_id"]);
    /// ```
    #[must_use]
    pub const fn exposed_members(&self) -> &'static [&'static str] {
        self.exposed_members
    }

    /// The response headers header fields set, as written, in declaration
    /// order; empty for a row written by hand.
    ///
    /// ```
    /// # use errcat::{ApiError, Catalog};
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 429)]
    /// struct SlowDown {
    ///     #[api(header = "Retry-After")]
    ///     seconds: u32,
    /// }
    ///
    /// assert_eq!(SlowDown::ENTRIES[0].header_fields(), ["Retry-After"]);
    /// ```
    #[must_use]
    pub const fn header_fields(&self) -> &'static [&'static str] {
        self.header_fields
    }

    /// The public message, when it is the same for every value.
    pub(crate) const fn literal_message(&self) -> Option<&'static str> {
        if self.literal {
            Some(self.message)
        } else {
            None
        }
    }

    /// The row with the problem type URI `uri`, the `type_base` of its
    /// type and its code, joined by the derive.
    #[doc(hidden)]
    #[must_use]
    pub const fn __with_type_uri(self, uri: &'static str) -> Self {
        ErrorEntry {
            type_uri: uri,
            ..self
        }
    }

    /// The problem type URI of the row's type's `type_base` and its code,
    /// when the derive joined them.
    pub(crate) const fn joined_type_uri(&self) -> Option<&'static str> {
        if self.type_uri.is_empty() {
            None
        } else {
            Some(self.type_uri)
        }
    }

    /// The body the derive wrote for the row, in the format of the type
    /// that defines it.
    pub(crate) const fn body(&self) -> Option<&Body> {
        self.body.as_ref()
    }

    /// Whether a value of the row may have exposed members or a details
    /// value: not when the derive wrote its body.
    pub(crate) const fn may_show_members(&self) -> bool {
        self.body.is_none()
    }

    /// The message with `<field>` placeholders.
    #[cfg(any(feature = "docs", feature = "utoipa"))]
    pub(crate) const fn placeholders(&self) -> &'static str {
        self.placeholders
    }

    /// The status as an [`http::StatusCode`].
    ///
    /// ```
    /// # use errcat::{ApiError, Catalog};
    /// #[derive(Debug, ApiError)]
    /// #[api(status = 409)]
    /// struct Conflict;
    ///
    /// assert_eq!(Conflict::ENTRIES[0].status_code(), errcat::http::StatusCode::CONFLICT);
    /// ```
    #[must_use]
    pub fn status_code(&self) -> StatusCode {
        // Rows are built by the derive or by `new`, which accept 400–599
        // only; the fallback keeps this total without a panic path.
        StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
    }

    /// The reason phrase of the status: [`StatusCode::canonical_reason`], or
    /// "Client Error" / "Server Error" for a status that has none.
    #[must_use]
    pub fn reason(&self) -> &'static str {
        self.reason
    }
}

const fn is_valid_code(code: &str) -> bool {
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Unreserved characters are ASCII, so checking bytes is checking
        // characters.
        if !is_unreserved(bytes[i] as char) {
            return false;
        }
        i += 1;
    }
    !bytes.is_empty()
}

/// The row of a derived error, whose fields the derive has checked.
#[must_use]
#[allow(
    clippy::too_many_arguments,
    reason = "one positional call per row keeps generated code short"
)]
pub const fn derived_entry(
    name: &'static str,
    status: u16,
    code: &'static str,
    message: &'static str,
    placeholders: &'static str,
    description: &'static str,
    literal: bool,
    template_fields: &'static [&'static str],
    exposed_members: &'static [&'static str],
    header_fields: &'static [&'static str],
    deprecated: &'static str,
    body: &'static str,
    body_before: &'static str,
    body_after: &'static str,
) -> ErrorEntry {
    ErrorEntry {
        name,
        status,
        code,
        message,
        description,
        deprecated: non_empty(deprecated),
        reason: reason_phrase(status),
        type_uri: "",
        // The derive writes `""` for a literal message, whose text it is.
        placeholders: if literal { message } else { placeholders },
        literal,
        template_fields,
        exposed_members,
        header_fields,
        body: Body::new(body, body_before, body_after),
    }
}

/// `text`, or `None` for `""`, which the derive writes for none (a
/// deprecation note is never empty).
const fn non_empty(text: &'static str) -> Option<&'static str> {
    if text.is_empty() { None } else { Some(text) }
}
