//! The built-in shapes whose members are plain text and numbers.

use serde_core::ser::{Serialize, SerializeMap, Serializer};

use super::parts::Joined;
use super::{Details, Format, Members};
use crate::{ApiError, reason_phrase};

/// `{"message":M,"code":C,"details":D,"status_code":S}`: D is the details
/// template or field, or else an object of the exposed members, or else
/// absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flat;

/// `{"error":{"status":S,"message":M,"code":C,X...}}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Nested;

/// `{"type":C,"message":M,X...}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Typed;

/// `{"message":R,"description":M,X...}`, R being the reason phrase.
#[derive(Debug, Clone, Copy, Default)]
pub struct Described;

/// RFC 9457 problem details,
/// `{"type":T,"title":R,"status":S,"detail":M,"code":C,X...}`, served as
/// `application/problem+json`. T is the type's `type_base` followed by the
/// code, or `about:blank` without a `type_base`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Problem;

impl Format for Flat {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("message", &error.message())?;
        map.serialize_entry("code", error.code())?;
        if !Details::new(error).serialize_entry("details", &mut map)? {
            let members = Members::new(error);
            if !members.is_empty() {
                map.serialize_entry("details", &members)?;
            }
        }
        map.serialize_entry("status_code", &error.status().as_u16())?;
        map.end()
    }
}

impl Format for Nested {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        struct Inner<'a>(&'a dyn ApiError);

        impl Serialize for Inner<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let error = self.0;
                object(serializer, error, &["status", "message", "code"], |map| {
                    map.serialize_entry("status", &error.status().as_u16())?;
                    map.serialize_entry("message", &error.message())?;
                    map.serialize_entry("code", error.code())
                })
            }
        }

        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &Inner(error))?;
        map.end()
    }
}

impl Format for Typed {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        object(serializer, error, &["type", "message"], |map| {
            map.serialize_entry("type", error.code())?;
            map.serialize_entry("message", &error.message())
        })
    }
}

impl Format for Described {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        object(serializer, error, &["message", "description"], |map| {
            map.serialize_entry("message", reason_phrase(error.status()))?;
            map.serialize_entry("description", &error.message())
        })
    }
}

impl Format for Problem {
    fn content_type(&self, _: &dyn ApiError) -> &'static str {
        "application/problem+json"
    }

    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let status = error.status();
        object(
            serializer,
            error,
            &["type", "title", "status", "detail", "code"],
            |map| {
                match error.__settings().type_base {
                    Some(base) => {
                        map.serialize_entry("type", &Joined(base, error.code()))?;
                    }
                    None => map.serialize_entry("type", "about:blank")?,
                }
                map.serialize_entry("title", reason_phrase(status))?;
                map.serialize_entry("status", &status.as_u16())?;
                map.serialize_entry("detail", &error.message())?;
                map.serialize_entry("code", error.code())
            },
        )
    }
}

/// An object of the shape's own members, then the exposed ones (and the
/// details value as `details`), leaving out any that would repeat `own`.
pub(super) fn object<S: Serializer>(
    serializer: S,
    error: &dyn ApiError,
    own: &[&str],
    write_own: impl FnOnce(&mut S::SerializeMap) -> Result<(), S::Error>,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    write_own(&mut map)?;
    Members::new(error)
        .skipping(own)
        .with_details()
        .serialize_into(&mut map)?;
    map.end()
}
