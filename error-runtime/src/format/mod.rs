//! Wire formats: how an error becomes a response body.
//!
//! Six formats are built in, each taken from a real API's documentation; pick
//! one per type with `#[api(format = "...")]`, or per call with
//! [`Envelope::with_format`](crate::Envelope::with_format). A custom format is
//! a unit struct implementing [`Format`], built from the public pieces here:
//! [`Members`], [`Details`] and [`Text`].
//!
//! | format | body |
//! |---|---|
//! | [`Flat`] | `{"message":M,"code":C,"details":D,"status_code":S}` |
//! | [`Nested`] | `{"error":{"status":S,"message":M,"code":C,X...}}` |
//! | [`Typed`] | `{"type":C,"message":M,X...}` |
//! | [`Described`] | `{"message":R,"description":M,X...}` |
//! | [`OAuth2`] | `{"error":C,"error_description":M,X...}` |
//! | [`Problem`] | `{"type":T,"title":R,"status":S,"detail":M,"code":C,X...}` |
//!
//! M is the message, C the code, S the status, R the reason phrase, X the
//! exposed members in declaration order, D the details value (or, without
//! one, an object of X), T `type_base` + code or `about:blank`.

/// The methods of a built-in format's `Format` impl that the table of
/// formats decides: its content type and body, from its row, and its name
/// there.
macro_rules! builtin_body {
    ($format:ident) => {
        fn content_type(&self, _: &dyn $crate::ApiError) -> &'static str {
            Builtin::$format.content_type()
        }

        fn serialize<S: ::serde_core::Serializer>(
            &self,
            error: &dyn $crate::ApiError,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            $crate::format::parts::serialize_builtin::<Self, S>(error, &error.__row(), serializer)
        }

        fn __builtin(&self, _: &$crate::format::Fixed) -> Option<Builtin> {
            Some(Builtin::$format)
        }
    };
}

mod declared;
pub(crate) mod json;
mod parts;

pub use self::declared::Declared;
#[doc(hidden)]
pub use self::declared::{DynFormat, Fixed, FormatKind, Row, TypeSettings};
pub use self::parts::{Details, Members, Text};

use http::HeaderMap;
use serde_core::ser::Serializer;

use crate::ApiError;
use crate::shared::formats::Builtin;

/// Declares each built-in format's module and re-exports its type.
macro_rules! builtin_modules {
    ($($format:ident in $module:ident $row:tt)*) => {
        $(
            mod $module;
            pub use self::$module::$format;
        )*
    };
}

builtin_formats!(builtin_modules);

/// Adds the headers the built-in `format` requires, as its `Format` impl
/// does.
pub(crate) fn builtin_headers(format: Builtin, error: &dyn ApiError, headers: &mut HeaderMap) {
    macro_rules! dispatch {
        ($($format:ident in $module:ident $row:tt)*) => {
            match format {
                $(Builtin::$format => $format.headers(error, headers),)*
            }
        };
    }
    builtin_formats!(dispatch);
}

/// A wire format: writes an error's body and adds the headers it needs.
///
/// Implement it on a unit struct and name the struct in
/// `#[api(format = path::To::Format)]`, or pass it to
/// [`Envelope::with_format`](crate::Envelope::with_format) and
/// [`http_response_with`](crate::http_response_with). The body must go
/// through the serializer: [`Message`](crate::Message) serializes as a
/// string streamed into it, [`Text`] does the same for any `Display`,
/// [`Members`] writes the exposed members, so nothing needs to allocate.
///
/// ```
/// use errcat::format::{Format, Members};
/// use errcat::{ApiError, Envelope};
/// use serde::ser::{SerializeMap, Serializer};
///
/// /// `{"err":{"code":C,"text":M,...X}}`
/// struct Terse;
///
/// impl Format for Terse {
///     fn serialize<S: Serializer>(&self, error: &dyn ApiError, serializer: S) -> Result<S::Ok, S::Error> {
///         struct Inner<'a>(&'a dyn ApiError);
///         impl serde::Serialize for Inner<'_> {
///             fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
///                 let mut map = serializer.serialize_map(None)?;
///                 map.serialize_entry("code", self.0.code())?;
///                 map.serialize_entry("text", &self.0.message())?;
///                 Members::new(self.0).skipping(&["code", "text"]).serialize_into(&mut map)?;
///                 map.end()
///             }
///         }
///         let mut map = serializer.serialize_map(Some(1))?;
///         map.serialize_entry("err", &Inner(error))?;
///         map.end()
///     }
/// }
///
/// #[derive(Debug, ApiError)]
/// #[api(format = Terse)]
/// enum OrderError {
///     #[api(status = 404, message = "No order {id}")]
///     NotFound {
///         #[api(expose)]
///         id: u32,
///     },
/// }
///
/// let body = serde_json::to_string(&Envelope::new(&OrderError::NotFound { id: 7 })).unwrap();
/// assert_eq!(body, r#"{"err":{"code":"NotFound","text":"No order 7","id":7}}"#);
/// ```
pub trait Format {
    /// The `Content-Type` of the body of `error`.
    fn content_type(&self, error: &dyn ApiError) -> &'static str {
        let _ = error;
        "application/json"
    }

    /// Writes the body of `error`.
    ///
    /// # Errors
    ///
    /// When the serializer fails, or an exposed member's `Serialize` does.
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error>;

    /// Adds headers the format requires beyond those every response gets
    /// (header fields, `WWW-Authenticate` from `challenge`).
    fn headers(&self, error: &dyn ApiError, headers: &mut HeaderMap) {
        let _ = (error, headers);
    }

    /// The built-in format this is for an error with `fixed`
    /// ([`Describe::__fixed`](crate::Describe::__fixed)), which errcat then
    /// writes without a serializer; `None` for a custom format.
    #[doc(hidden)]
    fn __builtin(&self, fixed: &Fixed) -> Option<Builtin> {
        let _ = fixed;
        None
    }
}

impl<F: Format> Format for &F {
    fn content_type(&self, error: &dyn ApiError) -> &'static str {
        (**self).content_type(error)
    }

    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        (**self).serialize(error, serializer)
    }

    fn headers(&self, error: &dyn ApiError, headers: &mut HeaderMap) {
        (**self).headers(error, headers);
    }

    fn __builtin(&self, fixed: &Fixed) -> Option<Builtin> {
        (**self).__builtin(fixed)
    }
}
