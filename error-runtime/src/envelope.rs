//! The error body as a `Serialize` value.

use serde_core::ser::{Serialize, Serializer};

use crate::ApiError;
use crate::format::json::write_body;
use crate::format::{Declared, Format};

/// The body of an error in a format; serialize it with any serde
/// serializer.
///
/// Serialization allocates nothing beyond the serializer's output: the
/// message is streamed into it and exposed fields are serialized by
/// reference.
///
/// ```
/// use errcat::{ApiError, Envelope, format};
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "nested")]
/// enum UserError {
///     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use, please try another one.")]
///     EmailTaken,
/// }
///
/// let body = serde_json::to_string(&Envelope::new(&UserError::EmailTaken)).unwrap();
/// assert_eq!(
///     body,
///     r#"{"error":{"status":409,"message":"This email is already in use, please try another one.","code":"EmailAlreadyExists"}}"#,
/// );
///
/// let typed = Envelope::with_format(&UserError::EmailTaken, format::Typed);
/// assert_eq!(
///     serde_json::to_string(&typed).unwrap(),
///     r#"{"type":"EmailAlreadyExists","message":"This email is already in use, please try another one."}"#,
/// );
/// ```
#[derive(Clone, Copy)]
pub struct Envelope<'a, F = Declared> {
    error: &'a dyn ApiError,
    format: F,
    #[cfg(feature = "locales")]
    locale: Option<&'a str>,
}

impl<'a> Envelope<'a> {
    /// The body of `error` in the format its type declares.
    #[must_use]
    pub fn new<E: ApiError + ?Sized>(error: &'a E) -> Self {
        Envelope::with_format(error, Declared)
    }
}

impl<'a, F: Format> Envelope<'a, F> {
    /// The body of `error` in `format`, whatever its type declares. Exposed
    /// members that would repeat one of the format's own keys are skipped.
    #[must_use]
    pub fn with_format<E: ApiError + ?Sized>(error: &'a E, format: F) -> Self {
        Envelope {
            error: error.__as_dyn(),
            format,
            #[cfg(feature = "locales")]
            locale: None,
        }
    }

    /// The same body with the message in `locale` (see
    /// [`ApiError::message_in`]); the default message where the type has no
    /// translation for it.
    #[cfg(feature = "locales")]
    #[must_use]
    pub fn in_locale(self, locale: &'a str) -> Self {
        Envelope {
            locale: Some(locale),
            ..self
        }
    }
}

impl<F: Format> Envelope<'_, F> {
    /// Appends the body, as JSON, to `buf`: the bytes
    /// `serde_json::to_writer(buf, &envelope)` appends, written without a
    /// serializer in the built-in formats (a constant body is a copy) and
    /// with `serde_json` in custom ones.
    ///
    /// Nothing is allocated but what `buf` needs to grow, so a buffer with
    /// room for the body makes writing it allocation-free.
    ///
    /// ```
    /// use errcat::{ApiError, Envelope};
    ///
    /// #[derive(Debug, ApiError)]
    /// #[api(format = "nested")]
    /// enum UserError {
    ///     #[api(status = 404, message = "No user {id}")]
    ///     UserNotFound { id: u64 },
    /// }
    ///
    /// let mut buf = Vec::with_capacity(256);
    /// Envelope::new(&UserError::UserNotFound { id: 7 }).write_json(&mut buf).unwrap();
    /// assert_eq!(buf, br#"{"error":{"status":404,"message":"No user 7","code":"UserNotFound"}}"#);
    /// ```
    ///
    /// # Errors
    ///
    /// When an exposed member's `Serialize` (or the details field's) fails;
    /// `buf` then holds what it held before.
    pub fn write_json(&self, buf: &mut Vec<u8>) -> Result<(), serde_json::Error> {
        let start = buf.len();
        #[cfg(feature = "locales")]
        let result = match self.locale {
            Some(locale) => self.write_of(
                &crate::locale::Localized {
                    error: self.error,
                    locale,
                },
                buf,
            ),
            None => self.write_of(self.error, buf),
        };
        #[cfg(not(feature = "locales"))]
        let result = self.write_of(self.error, buf);
        if result.is_err() {
            buf.truncate(start);
        }
        result
    }

    /// The body of `error`, the envelope's error or its translation: the
    /// row read once, for the format's choice and for the writer.
    fn write_of(&self, error: &dyn ApiError, buf: &mut Vec<u8>) -> serde_json::Result<()> {
        let row = error.__row();
        match self.format.__builtin(&row.fixed) {
            Some(format) => write_body(format, error, &row, buf),
            None => serde_json::to_writer(&mut *buf, self),
        }
    }
}

impl<F: Format> Serialize for Envelope<'_, F> {
    // Inlined into the serializer's caller, with `Declared`'s dispatch: the
    // body then costs the calls of a derived `Serialize` and one more, to
    // `__row`.
    #[allow(
        clippy::inline_always,
        reason = "measured (bench/run): a call here costs a unit body about 4 instructions"
    )]
    #[inline(always)]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[cfg(feature = "locales")]
        if let Some(locale) = self.locale {
            return serialize_in(&self.format, self.error, locale, serializer);
        }
        self.format.serialize(self.error, serializer)
    }
}

/// The body in `locale`: out of line, so that the default path stays as it
/// was.
#[cfg(feature = "locales")]
#[cold]
#[inline(never)]
fn serialize_in<F: Format, S: Serializer>(
    format: &F,
    error: &dyn ApiError,
    locale: &str,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    format.serialize(&crate::locale::Localized { error, locale }, serializer)
}
