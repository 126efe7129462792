//! RFC 9457 problem details.

use super::Format;
use crate::ApiError;
use crate::shared::formats::Builtin;

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

    builtin_body!(Problem);
}
