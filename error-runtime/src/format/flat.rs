//! `{"message":M,"code":C,"details":D,"status_code":S}`.

use super::Format;
use crate::shared::formats::Builtin;

/// `{"message":M,"code":C,"details":D,"status_code":S}`: D is the details
/// template or field, or else an object of the exposed members, or else
/// absent.
#[derive(Debug, Clone, Copy, Default)]
pub struct Flat;

impl Format for Flat {
    builtin_body!(Flat);
}
