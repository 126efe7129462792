//! The error body as a `Serialize` value.

use serde_core::ser::{Serialize, Serializer};

use crate::ApiError;
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

impl<F: Format> Serialize for Envelope<'_, F> {
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
