//! RFC 9457 problem details.

use super::Format;
use crate::shared::formats::Builtin;

/// RFC 9457 problem details,
/// `{"type":T,"title":R,"status":S,"detail":M,"code":C,X...}`, served as
/// `application/problem+json`. T is the type's `type_base` followed by the
/// code, or `about:blank` without a `type_base`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Problem;

impl Format for Problem {
    builtin_body!(Problem);
}
