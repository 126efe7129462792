//! `{"message":R,"description":M,X...}`.

use serde_core::ser::{SerializeMap, Serializer};

use super::Format;
use super::parts::object;
use crate::shared::formats::Builtin;
use crate::{ApiError, reason_phrase};

/// `{"message":R,"description":M,X...}`, R being the reason phrase.
#[derive(Debug, Clone, Copy, Default)]
pub struct Described;

impl Format for Described {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        object(serializer, error, Builtin::Described, |map| {
            map.serialize_entry("message", reason_phrase(error.status()))?;
            map.serialize_entry("description", &error.message())
        })
    }
}
