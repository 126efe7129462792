//! The client side: an error response read back into something to match on.
//!
//! [`decode`] takes a response's status, headers and body, recognises which
//! built-in format wrote the body (from its members, and `Content-Type` for
//! `problem`), and returns the status, code, message and exposed members.
//! [`Catalog::find`] turns the code into the catalog's
//! row, and an enum of unit variants gets `from_code` from the derive:
//!
//! ```
//! use errcat::ApiError;
//! use errcat::client::decode;
//! use errcat::http::{HeaderMap, StatusCode};
//!
//! #[derive(Debug, PartialEq, ApiError)]
//! #[api(format = "nested")]
//! enum UserError {
//!     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
//!     EmailAlreadyExists,
//!     #[api(status = 404, code = "UserNotFound", message = "No such user.")]
//!     UserNotFound,
//! }
//!
//! let body = br#"{"error":{"status":409,"message":"This email is already in use.","code":"EmailAlreadyExists"}}"#;
//! let decoded = decode(StatusCode::CONFLICT, &HeaderMap::new(), body).unwrap();
//! assert_eq!(decoded.format(), "nested");
//! assert_eq!(decoded.code(), Some("EmailAlreadyExists"));
//! assert_eq!(decoded.message(), "This email is already in use.");
//! let error = decoded.code().and_then(UserError::from_code);
//! assert_eq!(error, Some(UserError::EmailAlreadyExists));
//!
//! // A code this client does not know is `None`, never a panic.
//! assert_eq!(UserError::from_code("RateLimited"), None);
//! ```

use core::fmt;

use http::header::CONTENT_TYPE;
use http::{HeaderMap, StatusCode};
use serde_core::de::{self, Deserialize, DeserializeOwned, Deserializer, MapAccess, Visitor};
use serde_json::value::RawValue;

use crate::shared::formats::{Builtin, Placement};
use crate::{Catalog, ErrorEntry};

/// An error body read back: its status, format, code, message and the
/// members beside the format's own, as raw JSON.
#[derive(Debug, Clone)]
pub struct DecodedError {
    status: StatusCode,
    format: Builtin,
    code: Option<String>,
    message: String,
    members: Vec<(String, Box<RawValue>)>,
}

impl DecodedError {
    /// The response's status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The name of the format the body is in: `"nested"`, `"problem"`, …
    #[must_use]
    pub fn format(&self) -> &'static str {
        self.format.name()
    }

    /// The code, when the format writes one (`described` does not).
    #[must_use]
    pub fn code(&self) -> Option<&str> {
        self.code.as_deref()
    }

    /// The public message.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The members beside the format's own — the exposed members, and
    /// `details` — in the order of the body, each as raw JSON text.
    pub fn members(&self) -> impl Iterator<Item = (&str, &str)> {
        self.members
            .iter()
            .map(|(name, value)| (name.as_str(), value.get()))
    }

    /// The member `name` read as a `T`; `None` when the body has no such
    /// member.
    ///
    /// ```
    /// use errcat::client::decode;
    /// use errcat::http::{HeaderMap, StatusCode};
    ///
    /// let body = br#"{"type":"not_found","message":"No order 7","id":7}"#;
    /// let decoded = decode(StatusCode::NOT_FOUND, &HeaderMap::new(), body).unwrap();
    /// assert_eq!(decoded.member::<u64>("id").unwrap().unwrap(), 7);
    /// assert!(decoded.member::<String>("id").unwrap().is_err());
    /// assert!(decoded.member::<u64>("missing").is_none());
    /// ```
    #[must_use]
    pub fn member<T: DeserializeOwned>(&self, name: &str) -> Option<Result<T, serde_json::Error>> {
        self.members
            .iter()
            .find(|(member, _)| member == name)
            .map(|(_, value)| serde_json::from_str(value.get()))
    }

    /// The row of `C`'s catalog with this code.
    #[must_use]
    pub fn entry_in<C: Catalog>(&self) -> Option<&'static ErrorEntry> {
        C::find(self.code.as_deref()?)
    }
}

/// Why a body is not an error body errcat can read.
#[derive(Debug)]
#[non_exhaustive]
pub enum DecodeError {
    /// The body is not JSON, or not a JSON object.
    NotAnObject(serde_json::Error),
    /// A member appears twice, so which one the server meant is unknown.
    RepeatedMember(String),
    /// The object has the members of no built-in format.
    UnknownFormat,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotAnObject(error) => write!(f, "the body is not a JSON object: {error}"),
            DecodeError::RepeatedMember(name) => {
                write!(f, "the body has the member `{name}` twice")
            }
            DecodeError::UnknownFormat => {
                f.write_str("the body has the members of no built-in error format")
            }
        }
    }
}

impl std::error::Error for DecodeError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DecodeError::NotAnObject(error) => Some(error),
            _ => None,
        }
    }
}

/// Reads an error response: `status`, its `headers` (for `Content-Type`) and
/// `body`, in any built-in format.
///
/// The format is the one whose own members the body has (all of them but a
/// `details` that is absent when empty); when several match, the one with
/// the most. A body in `application/problem+json` is read as `problem` only.
///
/// # Errors
///
/// [`DecodeError`] when the body is not a JSON object, repeats a member, or
/// has the members of no built-in format.
pub fn decode(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<DecodedError, DecodeError> {
    let body: Object = serde_json::from_slice(body).map_err(DecodeError::NotAnObject)?;
    let body = body.unique()?;
    let problem_only = headers
        .get(CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.trim_start().starts_with("application/problem+json"));
    let mut best: Option<(Builtin, Object, usize)> = None;
    for &format in Builtin::ALL {
        if problem_only && format != Builtin::Problem {
            continue;
        }
        let Some(object) = members_of(format, &body)? else {
            continue;
        };
        let required = required_members(format);
        let matches = required.clone().all(|name| object.get(name).is_some())
            && format
                .code_member()
                .is_none_or(|name| object.string(name).is_some())
            && object.string(format.message_member()).is_some();
        let count = required.count();
        if matches && best.as_ref().is_none_or(|(_, _, best)| count > *best) {
            best = Some((format, object, count));
        }
    }
    let (format, object, _) = best.ok_or(DecodeError::UnknownFormat)?;
    let own = format.own_members();
    Ok(DecodedError {
        status,
        format,
        code: format.code_member().and_then(|name| object.string(name)),
        message: object.string(format.message_member()).unwrap_or_default(),
        members: object
            .0
            .into_iter()
            .filter(|(name, _)| name == "details" || !own.contains(&name.as_str()))
            .collect(),
    })
}

/// The members a body of `format` always has: its own, but a `details` that
/// is absent when there is nothing to put in it.
fn required_members(format: Builtin) -> impl Iterator<Item = &'static str> + Clone {
    let optional = (format.placement() == Placement::InDetails).then_some("details");
    format
        .own_members()
        .iter()
        .copied()
        .filter(move |name| Some(*name) != optional)
}

/// The object holding `format`'s own members: the body, or its only member
/// `object()` when that is an object. `None` when the body has no such
/// member.
fn members_of(format: Builtin, body: &Object) -> Result<Option<Object>, DecodeError> {
    let Some(name) = format.object() else {
        return Ok(Some(body.clone()));
    };
    if body.0.len() != 1 {
        return Ok(None);
    }
    match body
        .get(name)
        .map(|value| serde_json::from_str::<Object>(value.get()))
    {
        Some(Ok(inner)) => inner.unique().map(Some),
        Some(Err(_)) | None => Ok(None),
    }
}

/// A JSON object's members in the order written, each value raw.
#[derive(Clone)]
struct Object(Vec<(String, Box<RawValue>)>);

impl Object {
    /// The object, refused when a member repeats.
    fn unique(self) -> Result<Object, DecodeError> {
        let mut names: Vec<&str> = self.0.iter().map(|(name, _)| name.as_str()).collect();
        names.sort_unstable();
        if let Some(pair) = names.windows(2).find(|pair| pair[0] == pair[1]) {
            return Err(DecodeError::RepeatedMember(pair[0].to_owned()));
        }
        Ok(self)
    }

    fn get(&self, name: &str) -> Option<&RawValue> {
        self.0
            .iter()
            .find(|(member, _)| member == name)
            .map(|(_, value)| &**value)
    }

    /// The member `name` when it is a string.
    fn string(&self, name: &str) -> Option<String> {
        serde_json::from_str(self.get(name)?.get()).ok()
    }
}

impl<'de> Deserialize<'de> for Object {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ObjectVisitor;

        impl<'de> Visitor<'de> for ObjectVisitor {
            type Value = Object;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a JSON object")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Object, A::Error> {
                let mut members = Vec::new();
                while let Some(member) = map.next_entry::<String, Box<RawValue>>()? {
                    members.push(member);
                }
                Ok(Object(members))
            }
        }

        deserializer
            .deserialize_map(ObjectVisitor)
            .map_err(de::Error::custom)
    }
}
