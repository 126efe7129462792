//! `{"type":C,"message":M,X...}`.

use super::Format;
use crate::shared::formats::Builtin;

/// `{"type":C,"message":M,X...}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Typed;

impl Format for Typed {
    builtin_body!(Typed);
}
