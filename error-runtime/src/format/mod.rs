//! Wire shapes: how an error becomes a response body.
//!
//! Six shapes are built in, each taken from a real API's documentation; pick
//! one per type with `#[api(format = "...")]`, or per call with
//! [`Envelope::with_format`](crate::Envelope::with_format). A custom shape is
//! a unit struct implementing [`Format`], built from the public pieces here:
//! [`Members`], [`Details`] and [`Text`].
//!
//! | shape | body |
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

mod oauth2;
mod parts;
mod shapes;

use http::HeaderMap;
use serde_core::ser::{Error as _, Serialize, Serializer};

use crate::__private::FormatKind;
use crate::ApiError;

pub use self::oauth2::OAuth2;
pub use self::parts::{Details, Members, Text};
pub use self::shapes::{Described, Flat, Nested, Problem, Typed};

/// A wire shape: writes an error's body and adds the headers it needs.
///
/// Implement it on a unit struct and name the struct in
/// `#[api(format = path::To::Shape)]`, or pass it to
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

    /// Adds headers the shape requires beyond those every response gets
    /// (header fields, `WWW-Authenticate` from `challenge`).
    fn headers(&self, error: &dyn ApiError, headers: &mut HeaderMap) {
        let _ = (error, headers);
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
}

/// The shape the error's type declares with `#[api(format = ...)]`; what
/// [`Envelope::new`](crate::Envelope::new) and [`http_response`](crate::http_response) use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Declared;

/// Calls `$action` with the built-in shape or custom format `$kind` names.
macro_rules! with_declared {
    ($kind:expr, $format:ident => $builtin:expr, $custom:ident => $dynamic:expr) => {
        match $kind {
            FormatKind::Flat => {
                let $format = Flat;
                $builtin
            }
            FormatKind::Nested => {
                let $format = Nested;
                $builtin
            }
            FormatKind::Typed => {
                let $format = Typed;
                $builtin
            }
            FormatKind::Described => {
                let $format = Described;
                $builtin
            }
            FormatKind::OAuth2 => {
                let $format = OAuth2;
                $builtin
            }
            FormatKind::Problem => {
                let $format = Problem;
                $builtin
            }
            FormatKind::Custom($custom) => $dynamic,
        }
    };
}

impl Format for Declared {
    fn content_type(&self, error: &dyn ApiError) -> &'static str {
        with_declared!(error.__settings().format,
            format => format.content_type(error),
            custom => custom.dyn_content_type(error))
    }

    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        with_declared!(error.__settings().format,
            format => format.serialize(error, serializer),
            custom => serialize_dyn(custom, error, serializer))
    }

    fn headers(&self, error: &dyn ApiError, headers: &mut HeaderMap) {
        with_declared!(error.__settings().format,
            format => format.headers(error, headers),
            custom => custom.dyn_headers(error, headers));
    }
}

/// [`Format`] made object safe, so a type can declare a custom format in a
/// `static`. Implemented for every `Format`.
#[doc(hidden)]
pub trait DynFormat {
    fn dyn_content_type(&self, error: &dyn ApiError) -> &'static str;
    fn dyn_headers(&self, error: &dyn ApiError, headers: &mut HeaderMap);
    /// Calls `write` with the body of `error` as an erased `Serialize`.
    fn with_body(&self, error: &dyn ApiError, write: &mut dyn FnMut(&dyn erased_serde::Serialize));
}

impl<F: Format> DynFormat for F {
    fn dyn_content_type(&self, error: &dyn ApiError) -> &'static str {
        self.content_type(error)
    }

    fn dyn_headers(&self, error: &dyn ApiError, headers: &mut HeaderMap) {
        self.headers(error, headers);
    }

    fn with_body(&self, error: &dyn ApiError, write: &mut dyn FnMut(&dyn erased_serde::Serialize)) {
        write(&Body {
            format: self,
            error,
        });
    }
}

struct Body<'a, F> {
    format: &'a F,
    error: &'a dyn ApiError,
}

impl<F: Format> Serialize for Body<'_, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.format.serialize(self.error, serializer)
    }
}

fn serialize_dyn<S: Serializer>(
    format: &(dyn DynFormat + Sync),
    error: &dyn ApiError,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut serializer = Some(serializer);
    let mut result = None;
    format.with_body(error, &mut |body| {
        if let Some(serializer) = serializer.take() {
            result = Some(erased_serde::serialize(body, serializer));
        }
    });
    result.unwrap_or_else(|| Err(S::Error::custom("the custom format wrote no body")))
}
