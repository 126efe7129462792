//! Items used by the code `#[derive(ApiError)]` generates. Not public API: they
//! change without notice, in lockstep with `errcat-derive`.

pub use core::fmt::{Arguments, Display};
pub use erased_serde::Serialize as ErasedSerialize;
pub use serde_core::Serialize;

pub use crate::__integrate as integrate;
pub use crate::api_error::{Inspect, Inspector, Probe, Visitor};
pub use crate::catalog::derived_entry as entry;
pub use crate::const_eval::{
    assert_codes_in, assert_unique_codes, concat_entries, markdown_bytes, markdown_len, utf8,
};
pub use crate::fields::{Text, Unbox, exposed, source};
pub use crate::format::{DynFormat, Fixed, FormatKind, TypeSettings};
pub use crate::locale::{
    Argument, Locale, LocaleArguments, NumberArgument, TextArgument, Translations,
};
pub use crate::schema::{SchemaFn, SchemaOf, SchemaProbe, SchemaVisitor};
pub use crate::shared::formats::Builtin;
#[cfg(feature = "registry")]
pub use linkme;
