//! `{"error":{"status":S,"message":M,"code":C,X...}}`.

use super::Format;
use crate::shared::formats::Builtin;

/// `{"error":{"status":S,"message":M,"code":C,X...}}`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Nested;

impl Format for Nested {
    builtin_body!(Nested);
}
