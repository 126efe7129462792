//! `{"error":{"status":S,"message":M,"code":C,X...}}`.

use serde_core::ser::{Serialize, SerializeMap, Serializer};

use super::Format;
use super::parts::object;
use crate::ApiError;
use crate::shared::formats::Builtin;

/// `{"error":{"status":S,"message":M,"code":C,X...}}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Nested;

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
                object(serializer, error, Builtin::Nested, |map| {
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
