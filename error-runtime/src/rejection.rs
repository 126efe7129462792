//! Failures a web framework produces on its own, before a handler runs, so
//! that the framework integrations can answer them in the catalog's format.

use core::fmt;

use http::StatusCode;

use crate::ApiError;

/// What went wrong before a handler ran: a request the framework refused.
///
/// The framework integrations (`axum`, `actix-web`) build one for each
/// failure they catch and ask the service's [`FromRejection`] type which
/// catalog error answers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectionKind {
    /// The body is not well-formed JSON.
    InvalidJson,
    /// The body is JSON, but not of the expected shape: a missing field, a
    /// value of the wrong type.
    InvalidJsonData,
    /// The request has no `Content-Type`, or not the one the handler reads.
    UnsupportedMediaType,
    /// The query string does not decode into the handler's type.
    InvalidQuery,
    /// A path parameter does not decode into the handler's type.
    InvalidPath,
    /// A form body does not decode into the handler's type.
    InvalidForm,
    /// The body is larger than the limit.
    PayloadTooLarge,
    /// No route matches the path.
    NotFound,
    /// A route matches the path, but not the method.
    MethodNotAllowed,
    /// Anything else the framework refused with a 4xx or 5xx status.
    Other,
}

/// A request the framework refused: its kind, the status the framework
/// chose and the framework's own text about it.
///
/// The text can echo the request (a field name, a fragment of the body), so
/// errcat never sends it by itself: a [`FromRejection`] implementation may
/// put it in an exposed field when the service wants clients to see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    kind: RejectionKind,
    status: StatusCode,
    text: String,
}

impl Rejection {
    /// A rejection of `kind` with the framework's `status` and `text`.
    #[must_use]
    pub fn new(kind: RejectionKind, status: StatusCode, text: impl Into<String>) -> Self {
        Rejection {
            kind,
            status,
            text: text.into(),
        }
    }

    /// What went wrong.
    #[must_use]
    pub fn kind(&self) -> RejectionKind {
        self.kind
    }

    /// The status the framework would have answered with.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The framework's own description. It may quote the request: expose it
    /// to clients only on purpose.
    #[must_use]
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// The catalog error that answers each [`Rejection`]: implement it once on
/// the service's error type, and the framework integration answers every
/// failure the framework produces on its own with it.
///
/// ```
/// use errcat::{ApiError, FromRejection, Rejection, RejectionKind};
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "nested")]
/// enum ServiceError {
///     #[api(status = 400, code = "InvalidRequest", message = "The request is not valid.")]
///     InvalidRequest,
///     #[api(status = 404, code = "NotFound", message = "There is nothing here.")]
///     NotFound,
///     #[api(status = 405, code = "MethodNotAllowed", message = "This method is not allowed here.")]
///     MethodNotAllowed,
///     #[api(status = 413, code = "PayloadTooLarge", message = "The request body is too large.")]
///     PayloadTooLarge,
/// }
///
/// impl FromRejection for ServiceError {
///     fn from_rejection(rejection: &Rejection) -> Self {
///         match rejection.kind() {
///             RejectionKind::NotFound => ServiceError::NotFound,
///             RejectionKind::MethodNotAllowed => ServiceError::MethodNotAllowed,
///             RejectionKind::PayloadTooLarge => ServiceError::PayloadTooLarge,
///             _ => ServiceError::InvalidRequest,
///         }
///     }
/// }
/// ```
pub trait FromRejection: ApiError + Send + Sync + 'static {
    /// The catalog error that answers `rejection`.
    fn from_rejection(rejection: &Rejection) -> Self;
}
