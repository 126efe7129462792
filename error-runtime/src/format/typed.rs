//! `{"type":C,"message":M,X...}`.

use serde_core::ser::{SerializeMap, Serializer};

use super::Format;
use super::parts::object;
use crate::ApiError;
use crate::shared::formats::Builtin;

/// `{"type":C,"message":M,X...}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Typed;

impl Format for Typed {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        object(serializer, error, Builtin::Typed, |map| {
            map.serialize_entry("type", error.code())?;
            map.serialize_entry("message", &error.message())
        })
    }
}
