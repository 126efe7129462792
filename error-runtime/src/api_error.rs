//! The trait every API error implements, the trait a type implements to get
//! it, and the public message.

use core::error::Error;
use core::fmt::{self, Arguments, Debug, Display};

use http::StatusCode;

use crate::ErrorEntry;
use crate::format::{Fixed, Row};
use crate::locale::LocaleArguments;

/// An error that knows its HTTP status, its stable code and its public message.
///
/// Derive it with `#[derive(ApiError)]` (see the [crate documentation](crate)
/// for every attribute). The trait is object safe: `&dyn ApiError` and
/// `Box<dyn ApiError + Send + Sync>` work wherever a derived type does.
///
/// Every answer comes from one place, the catalog row [`entry`](Self::entry):
/// `ApiError` is implemented for every type that implements [`Describe`], and
/// cannot be implemented otherwise, so `status()` and `code()` always agree
/// with the row the catalog lists. To write an error by hand, implement
/// [`Describe`].
///
/// ```
/// use errcat::ApiError;
/// use errcat::http::StatusCode;
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
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an API error",
    label = "not an `errcat::ApiError`",
    note = "derive it with `#[derive(errcat::ApiError)]`, or implement `errcat::Describe` by hand"
)]
pub trait ApiError: Describe {
    /// The catalog row of this error: status, code, message template and
    /// description. For a `transparent` variant, the row of the wrapped error.
    fn entry(&self) -> &'static ErrorEntry;

    /// The HTTP status of the response: the row's.
    fn status(&self) -> StatusCode;

    /// The stable machine-readable code: the row's.
    fn code(&self) -> &'static str;

    /// The public message: the `message` template with the fields filled in,
    /// or the reason phrase of the status.
    ///
    /// It is written on demand, without allocating (a field's own `Display`
    /// may allocate); call `.to_string()` for a `String`.
    fn message(&self) -> Message<'_>;

    /// The public message in `locale`: the translation of the code in the
    /// type's `#[api(locales = "...")]` file that `locale` matches (the same
    /// tag, else with its last subtags dropped: `de-CH` finds `de`), with the
    /// fields filled in; else the default [`message`](Self::message).
    ///
    /// Unlike `message()`, a translation is formatted into a `String` when
    /// displayed.
    #[cfg(feature = "locales")]
    fn message_in<'a>(&'a self, locale: &'a str) -> crate::locale::LocalizedMessage<'a>;

    /// The error as a trait object, whatever `Self` is.
    #[doc(hidden)]
    fn __as_dyn(&self) -> &dyn ApiError;
}

impl<T: Describe> ApiError for T {
    fn entry(&self) -> &'static ErrorEntry {
        self.describe()
    }

    fn status(&self) -> StatusCode {
        self.describe().status_code()
    }

    fn code(&self) -> &'static str {
        self.describe().code
    }

    fn message(&self) -> Message<'_> {
        Message { error: self }
    }

    #[cfg(feature = "locales")]
    fn message_in<'a>(&'a self, locale: &'a str) -> crate::locale::LocalizedMessage<'a> {
        crate::locale::LocalizedMessage {
            error: self.__as_dyn(),
            locale,
        }
    }

    fn __as_dyn(&self) -> &dyn ApiError {
        self
    }
}

/// What a type tells errcat to be an [`ApiError`]: its catalog row and its
/// public message. `#[derive(ApiError)]` implements it; implement it by hand
/// for an error the derive cannot see, such as a foreign type or a
/// framework's rejection.
///
/// A row is built with the `const` [`ErrorEntry::new`]; keep it in a
/// `static`, so that a mistake in it (a status outside 400–599, a code with
/// a character outside RFC 3986's unreserved set) is a compile error.
///
/// ```
/// use errcat::http::StatusCode;
/// use errcat::{ApiError, Describe, ErrorEntry, Envelope, format};
///
/// /// The upstream service did not answer in time.
/// #[derive(Debug)]
/// struct UpstreamTimeout {
///     service: &'static str,
/// }
///
/// static UPSTREAM_TIMEOUT: ErrorEntry = ErrorEntry::new(
///     "UpstreamTimeout",
///     StatusCode::GATEWAY_TIMEOUT,
///     "upstream_timeout",
///     "{service} did not answer in time",
/// )
/// .with_description("The upstream service did not answer in time.");
///
/// impl Describe for UpstreamTimeout {
///     fn describe(&self) -> &'static ErrorEntry {
///         &UPSTREAM_TIMEOUT
///     }
///
///     fn write_message(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
///         write!(f, "{} did not answer in time", self.service)
///     }
/// }
///
/// let error = UpstreamTimeout { service: "billing" };
/// assert_eq!(error.status(), StatusCode::GATEWAY_TIMEOUT);
/// assert_eq!(error.message().to_string(), "billing did not answer in time");
/// let body = serde_json::to_string(&Envelope::with_format(&error, format::Nested)).unwrap();
/// assert_eq!(
///     body,
///     r#"{"error":{"status":504,"message":"billing did not answer in time","code":"upstream_timeout"}}"#,
/// );
/// ```
///
/// A hand-written error has the `problem` format by default, nothing exposed
/// and no header fields; [`Envelope::with_format`](crate::Envelope::with_format)
/// and [`http_response_with`](crate::http_response_with) write it in any
/// other format.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an API error",
    label = "not an `errcat::ApiError`",
    note = "derive it with `#[derive(errcat::ApiError)]`, or implement `errcat::Describe` by hand"
)]
pub trait Describe {
    /// The catalog row of this value.
    fn describe(&self) -> &'static ErrorEntry;

    /// Writes the public message into `f`. By default the row's message,
    /// as it is.
    ///
    /// # Errors
    ///
    /// Only when `f` (or a field's `Display`) fails.
    fn write_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.describe().message)
    }

    /// Shows the exposed members, details and header fields to `visitor`, in
    /// declaration order. Generated by the derive.
    #[doc(hidden)]
    fn __visit(&self, visitor: &mut dyn Visitor) {
        let _ = visitor;
    }

    /// What is fixed about how the value is written: the type's settings
    /// (format, `type_base`, `challenge`, translations), those of the type
    /// whose row [`describe`](Self::describe) returns, and whether the row's
    /// literal message and constant body may stand for the value. Generated
    /// by the derive.
    #[doc(hidden)]
    fn __fixed(&self) -> Fixed {
        Fixed::DEFAULT
    }

    /// The row and what is fixed about the value, from one call: what
    /// writing any body asks first. Never generated: the default, inlined
    /// where the type is concrete, costs one dynamic call where `describe`
    /// and `__fixed` would cost two.
    #[doc(hidden)]
    #[inline]
    fn __row(&self) -> Row {
        Row::new(self.describe(), self.__fixed())
    }

    /// The value as logs see it: its `Debug` and its `std::error::Error`,
    /// where the type has them. Generated by the derive; nothing by default.
    #[doc(hidden)]
    fn __inspect(&self) -> Inspect<'_> {
        Inspect::NOTHING
    }

    /// Shows `arguments` the fields the translations of the value's code
    /// use. Generated by the derive.
    #[doc(hidden)]
    fn __arguments(&self, arguments: &mut dyn LocaleArguments) {
        let _ = arguments;
    }
}

/// What [`Describe::__inspect`] shows of a value, for logs only: never
/// written into a response.
#[doc(hidden)]
#[derive(Clone, Copy)]
pub struct Inspect<'a> {
    pub debug: Option<&'a dyn Debug>,
    pub error: Option<&'a (dyn Error + 'a)>,
}

impl Inspect<'_> {
    pub const NOTHING: Self = Inspect {
        debug: None,
        error: None,
    };
}

/// A value whose traits the derive's `__inspect` asks about:
/// `(&&&Probe(self)).__errcat_inspect()` picks the first impl that applies,
/// by autoref, so that a type need not implement `Debug` or `Error` — the
/// question is answered where the type is concrete, and a generic type sees
/// only the bounds of its impl.
#[doc(hidden)]
pub struct Probe<'a, T: ?Sized>(pub &'a T);

#[doc(hidden)]
pub trait Inspector<'a> {
    fn __errcat_inspect(&self) -> Inspect<'a>;
}

impl<'a, T: Error> Inspector<'a> for &&Probe<'a, T> {
    fn __errcat_inspect(&self) -> Inspect<'a> {
        Inspect {
            debug: Some(self.0),
            error: Some(self.0),
        }
    }
}

impl<'a, T: Debug> Inspector<'a> for &Probe<'a, T> {
    fn __errcat_inspect(&self) -> Inspect<'a> {
        Inspect {
            debug: Some(self.0),
            error: None,
        }
    }
}

impl<'a, T: ?Sized> Inspector<'a> for Probe<'a, T> {
    fn __errcat_inspect(&self) -> Inspect<'a> {
        Inspect::NOTHING
    }
}

/// What [`Describe::__visit`] shows: exposed members, the details value and
/// header fields, in declaration order (a details template first). Each
/// method ignores what it is shown unless overridden.
#[doc(hidden)]
pub trait Visitor {
    fn member(&mut self, name: &'static str, value: &dyn erased_serde::Serialize) {
        let _ = (name, value);
    }
    fn details_value(&mut self, value: &dyn erased_serde::Serialize) {
        let _ = value;
    }
    fn details_text(&mut self, text: Arguments<'_>) {
        let _ = text;
    }
    fn header(&mut self, name: &'static str, value: &dyn Display) {
        let _ = (name, value);
    }
}

/// A reference or a box describes what it points to, so that
/// `&dyn ApiError` and `Box<dyn ApiError + Send + Sync>` are API errors too.
macro_rules! forward_describe {
    ($($pointer:ty),*) => {$(
        impl<E: Describe + ?Sized> Describe for $pointer {
            fn describe(&self) -> &'static ErrorEntry {
                (**self).describe()
            }
            fn write_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                (**self).write_message(f)
            }
            fn __visit(&self, visitor: &mut dyn Visitor) {
                (**self).__visit(visitor);
            }
            fn __fixed(&self) -> Fixed {
                (**self).__fixed()
            }
            fn __row(&self) -> Row {
                (**self).__row()
            }
            fn __inspect(&self) -> Inspect<'_> {
                (**self).__inspect()
            }
            fn __arguments(&self, arguments: &mut dyn LocaleArguments) {
                (**self).__arguments(arguments);
            }
        }
    )*};
}

forward_describe!(&E, Box<E>);

/// The public message of an [`ApiError`], written when displayed or
/// serialized (as a string, streamed into the serializer).
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

impl Message<'_> {
    /// The message, when it is a literal that needs no formatting.
    pub(crate) fn literal(&self) -> Option<&'static str> {
        literal_message(self.error)
    }
}

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.error.write_message(f)
    }
}

impl fmt::Debug for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Message(\"")?;
        fmt::Write::write_fmt(&mut EscapeDebug(f), format_args!("{self}"))?;
        f.write_str("\")")
    }
}

/// The message of `error`, when its row's literal stands for it.
pub(crate) fn literal_message(error: &dyn ApiError) -> Option<&'static str> {
    let Row { entry, fixed, .. } = error.__row();
    if fixed.literal {
        entry.literal_message()
    } else {
        None
    }
}

/// Escapes text the way `str`'s `Debug` does, as it streams through.
struct EscapeDebug<'a, 'b>(&'a mut fmt::Formatter<'b>);

impl fmt::Write for EscapeDebug<'_, '_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        write!(self.0, "{}", s.escape_debug())
    }
}
