//! `{"message":R,"description":M,X...}`.

use super::Format;
use crate::shared::formats::Builtin;

/// `{"message":R,"description":M,X...}`, R being the reason phrase.
#[derive(Debug, Clone, Copy, Default)]
pub struct Described;

impl Format for Described {
    builtin_body!(Described);
}
