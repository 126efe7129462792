//! RFC 9457 problem details.

use serde_core::ser::{SerializeMap, Serializer};

use super::Format;
use super::parts::{Joined, object};
use crate::shared::formats::Builtin;
use crate::{ApiError, reason_phrase};

/// RFC 9457 problem details,
/// `{"type":T,"title":R,"status":S,"detail":M,"code":C,X...}`, served as
/// `application/problem+json`. T is the type's `type_base` followed by the
/// code, or `about:blank` without a `type_base`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Problem;

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
        object(serializer, error, Builtin::Problem, |map| {
            match error.__settings().type_base {
                Some(base) => map.serialize_entry("type", &Joined(base, error.code()))?,
                None => map.serialize_entry("type", "about:blank")?,
            }
            map.serialize_entry("title", reason_phrase(status))?;
            map.serialize_entry("status", &status.as_u16())?;
            map.serialize_entry("detail", &error.message())?;
            map.serialize_entry("code", error.code())
        })
    }
}
