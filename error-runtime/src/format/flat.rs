//! `{"message":M,"code":C,"details":D,"status_code":S}`.

use serde_core::ser::{SerializeMap, Serializer};

use super::{Details, Format, Members};
use crate::ApiError;

/// `{"message":M,"code":C,"details":D,"status_code":S}`: D is the details
/// template or field, or else an object of the exposed members, or else
/// absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flat;

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
