//! The trait every API error implements, and its public message.

use core::fmt;

use alloc::boxed::Box;
use http::StatusCode;

use crate::ErrorEntry;

/// An error that knows its HTTP status, its stable code and its public message.
///
/// Derive it with `#[derive(ApiError)]` (see the [crate documentation](crate)
/// for every attribute). The trait is object safe: `&dyn ApiError` and
/// `Box<dyn ApiError + Send + Sync>` work wherever a derived type does.
///
/// ```
/// use errcat::ApiError;
/// use http::StatusCode;
///
/// #[derive(Debug, ApiError)]
/// enum UserError {
///     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
///     EmailTaken,
///     #[api(status = NOT_FOUND, message = "No user {id}")]
///     UserNotFound { id: u64 },
/// }
///
/// let error: Box<dyn ApiError + Send + Sync> = Box::new(UserError::UserNotFound { id: 7 });
/// assert_eq!(error.status(), StatusCode::NOT_FOUND);
/// assert_eq!(error.code(), "UserNotFound");
/// assert_eq!(error.message().to_string(), "No user 7");
/// ```
pub trait ApiError {
    /// The catalog row of this error: status, code, message template and
    /// description. For a `transparent` variant, the row of the wrapped error.
    fn entry(&self) -> &'static ErrorEntry;

    /// The HTTP status of the response.
    fn status(&self) -> StatusCode {
        self.entry().status_code()
    }

    /// The stable machine-readable code.
    fn code(&self) -> &'static str {
        self.entry().code
    }

    /// The public message: the `message` template with the fields filled in,
    /// or the reason phrase of the status.
    ///
    /// It is written on demand, without allocating (a field's own `Display`
    /// may allocate); call `.to_string()` for a `String`.
    fn message(&self) -> Message<'_>;

    /// Writes the public message into `f`; [`Message`]'s `Display` calls this.
    ///
    /// # Errors
    ///
    /// Only when `f` (or a field's `Display`) fails.
    fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

/// The public message of an [`ApiError`], written when displayed.
///
/// ```
/// # use errcat::ApiError;
/// #[derive(Debug, ApiError)]
/// #[api(status = 429, message = "Retry in {seconds} s")]
/// struct RateLimited {
///     seconds: u32,
/// }
///
/// assert_eq!(RateLimited { seconds: 30 }.message().to_string(), "Retry in 30 s");
/// ```
#[derive(Clone, Copy)]
pub struct Message<'a> {
    error: &'a (dyn ApiError + 'a),
}

impl<'a> Message<'a> {
    /// The message of `error`.
    #[must_use]
    pub fn new<E: ApiError + 'a>(error: &'a E) -> Self {
        Message { error }
    }
}

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.fmt_message(f)
    }
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Message(\"")?;
        fmt::Write::write_fmt(&mut EscapeDebug(f), format_args!("{self}"))?;
        f.write_str("\")")
    }
}

/// Escapes text the way `str`'s `Debug` does, as it streams through.
struct EscapeDebug<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for EscapeDebug<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write!(self.0, "{}", s.escape_debug())
    }
}

macro_rules! forward_api_error {
    ($($pointer:ty),*) => {$(
        impl<E: ApiError + ?Sized> ApiError for $pointer {
            fn entry(&self) -> &'static ErrorEntry {
                (**self).entry()
            }
            fn status(&self) -> StatusCode {
                (**self).status()
            }
            fn code(&self) -> &'static str {
                (**self).code()
            }
            fn message(&self) -> Message<'_> {
                (**self).message()
            }
            fn fmt_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                (**self).fmt_message(f)
            }
        }
    )*};
}

forward_api_error!(&E, Box<E>);
