//! The format a type declares, and the dispatch to it.

use http::HeaderMap;
use serde_core::ser::{Error as _, Serialize, Serializer};

use super::Format;
use super::parts::serialize_builtin;
use crate::locale::Locale;
use crate::shared::formats::{ABOUT_BLANK, Builtin};
use crate::{ApiError, ErrorEntry};

/// The settings a derived type declares at type level.
#[derive(Clone, Copy)]
pub struct TypeSettings {
    /// `format`.
    pub format: FormatKind,
    /// `type_base`.
    pub type_base: Option<&'static str>,
    /// `challenge`.
    pub challenge: Option<&'static str>,
    /// The translations of `locales`.
    pub locales: &'static [Locale],
}

impl TypeSettings {
    /// What a type without `format`, `type_base`, `challenge` or `locales`
    /// gets.
    pub const DEFAULT: TypeSettings = TypeSettings {
        format: FormatKind::Builtin(Builtin::Problem),
        type_base: None,
        challenge: None,
        locales: &[],
    };

    /// The format's name: a built-in one's (`nested`), or a custom one's
    /// type name without its module path (`Terse`).
    #[cfg(any(feature = "registry", feature = "contract"))]
    pub(crate) fn format_name(&self) -> &'static str {
        match self.format {
            FormatKind::Builtin(format) => format.name(),
            FormatKind::Custom(custom) => {
                let name = custom.dyn_type_name();
                name.rsplit("::").next().unwrap_or(name)
            }
        }
    }

    /// The problem `type` of `code`: `type_base` and the code, or
    /// `about:blank`, in the `problem` format; `None` in the others.
    #[cfg(any(feature = "registry", feature = "contract"))]
    pub(crate) fn type_uri(&self, code: &str) -> Option<String> {
        match (self.format, self.type_base) {
            (FormatKind::Builtin(Builtin::Problem), Some(base)) => Some(format!("{base}{code}")),
            (FormatKind::Builtin(Builtin::Problem), None) => Some(ABOUT_BLANK.to_owned()),
            _ => None,
        }
    }
}

/// What is fixed about how a value is written, whatever its fields hold
/// ([`Describe::__fixed`](crate::Describe::__fixed)).
#[derive(Clone, Copy)]
pub struct Fixed {
    /// The settings of the value's type, which decide its format.
    pub settings: &'static TypeSettings,
    /// The settings of the type whose row `describe` returns: whose
    /// translations translate its code, and in whose format the row's
    /// constant body is written. The value's type's own, but for a
    /// `transparent` variant.
    pub definer: &'static TypeSettings,
    /// Whether the row's literal message (and so its constant body) stands
    /// for the value's message; not when that is written otherwise, in a
    /// translation.
    pub literal: bool,
}

impl Fixed {
    /// A hand-written error's: the default settings.
    pub const DEFAULT: Fixed = Fixed::own(&TypeSettings::DEFAULT);

    /// A value of a type with `settings` that describes itself.
    #[must_use]
    pub const fn own(settings: &'static TypeSettings) -> Self {
        Fixed {
            settings,
            definer: settings,
            literal: true,
        }
    }

    /// A `transparent` variant's: the field's, written in the settings of
    /// the enclosing type.
    #[must_use]
    pub const fn within(self, settings: &'static TypeSettings) -> Self {
        Fixed { settings, ..self }
    }

    /// Whether the body the derive wrote for the row is the value's body in
    /// `format`, but for its message: it was written in the definer's format
    /// and `type_base`.
    #[inline]
    pub(crate) fn body_applies(&self, format: Builtin) -> bool {
        matches!(self.definer.format, FormatKind::Builtin(declared) if declared == format)
            && self.same_type_base()
    }

    /// Whether the value's type has the `type_base` of the row's, from
    /// which the derive wrote the row's body and type URI.
    #[inline]
    pub(crate) fn same_type_base(&self) -> bool {
        core::ptr::eq(self.settings, self.definer)
            || self.settings.type_base == self.definer.type_base
    }

    /// The problem `type` of a value with `self` and the row `entry`, when
    /// it needs no joining: the URI the derive joined from the row's type's
    /// `type_base` and code, or `about:blank`; `None` when `type_base` is to
    /// be joined to the code by the writer. Out of line, so that the
    /// comparison of `type_base`s costs the walks it is in no registers.
    #[inline(never)]
    pub(crate) fn type_uri_text(&self, entry: &ErrorEntry) -> Option<&'static str> {
        match (self.settings.type_base, entry.joined_type_uri()) {
            (Some(_), Some(uri)) if self.same_type_base() => Some(uri),
            (Some(_), _) => None,
            (None, _) => Some(ABOUT_BLANK),
        }
    }
}

/// The row of a value and what is fixed about how it is written
/// ([`Describe::__row`](crate::Describe::__row)).
#[derive(Clone, Copy)]
pub struct Row {
    /// The row [`describe`](crate::Describe::describe) returns.
    pub entry: &'static ErrorEntry,
    /// What [`__fixed`](crate::Describe::__fixed) returns.
    pub fixed: Fixed,
}

impl Row {
    /// The row `entry` of a value with `fixed`.
    #[inline]
    #[must_use]
    pub const fn new(entry: &'static ErrorEntry, fixed: Fixed) -> Self {
        Row { entry, fixed }
    }
}

/// A type's declared format: a built-in one, dispatched to statically, or a
/// custom one, through [`DynFormat`].
#[derive(Clone, Copy)]
pub enum FormatKind {
    /// `format = "nested"` and the other built-in names.
    Builtin(Builtin),
    /// `format = path::To::Format`.
    Custom(&'static (dyn DynFormat + Sync)),
}

/// The format the error's type declares with `#[api(format = ...)]`; what
/// [`Envelope::new`](crate::Envelope::new) and [`http_response`](crate::http_response) use.
#[derive(Debug, Clone, Copy, Default)]
pub struct Declared;

/// `impl Format for Declared`, one `match` over the built-in formats per
/// method.
macro_rules! dispatch {
    ($($format:ident in $module:ident $row:tt)*) => {
        impl Format for Declared {
            fn content_type(&self, error: &dyn ApiError) -> &'static str {
                match error.__fixed().settings.format {
                    FormatKind::Builtin(format) => format.content_type(),
                    FormatKind::Custom(custom) => custom.dyn_content_type(error),
                }
            }

            // Inlined into `Envelope`'s `Serialize`, so that the body takes
            // one call to `__row` and one to the walk of its format.
            #[inline(always)]
            fn serialize<S: Serializer>(
                &self,
                error: &dyn ApiError,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                let row = error.__row();
                match row.fixed.settings.format {
                    $(FormatKind::Builtin(Builtin::$format) => serialize_builtin::<super::$format, S>(error, &row, serializer),)*
                    FormatKind::Custom(custom) => serialize_dyn(custom, error, serializer),
                }
            }

            fn headers(&self, error: &dyn ApiError, headers: &mut HeaderMap) {
                match error.__fixed().settings.format {
                    FormatKind::Builtin(format) => super::builtin_headers(format, error, headers),
                    FormatKind::Custom(custom) => custom.dyn_headers(error, headers),
                }
            }

            fn __builtin(&self, fixed: &Fixed) -> Option<Builtin> {
                match fixed.settings.format {
                    FormatKind::Builtin(format) => Some(format),
                    FormatKind::Custom(_) => None,
                }
            }
        }
    };
}

builtin_formats!(dispatch);

/// [`Format`] made object safe, so a type can declare a custom format in a
/// `static`. Implemented for every `Format`.
pub trait DynFormat {
    /// [`Format::content_type`].
    fn dyn_content_type(&self, error: &dyn ApiError) -> &'static str;
    /// [`Format::headers`].
    fn dyn_headers(&self, error: &dyn ApiError, headers: &mut HeaderMap);
    /// Calls `write` with the body of `error` as an erased `Serialize`.
    fn with_body(&self, error: &dyn ApiError, write: &mut dyn FnMut(&dyn erased_serde::Serialize));
    /// The format's type, as [`core::any::type_name`] writes it.
    fn dyn_type_name(&self) -> &'static str;
}

impl<F: Format> DynFormat for F {
    fn dyn_content_type(&self, error: &dyn ApiError) -> &'static str {
        self.content_type(error)
    }

    fn dyn_headers(&self, error: &dyn ApiError, headers: &mut HeaderMap) {
        self.headers(error, headers);
    }

    fn with_body(&self, error: &dyn ApiError, write: &mut dyn FnMut(&dyn erased_serde::Serialize)) {
        write(&Body {
            format: self,
            error,
        });
    }

    fn dyn_type_name(&self) -> &'static str {
        core::any::type_name::<F>()
    }
}

struct Body<'a, F> {
    format: &'a F,
    error: &'a dyn ApiError,
}

impl<F: Format> Serialize for Body<'_, F> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.format.serialize(self.error, serializer)
    }
}

fn serialize_dyn<S: Serializer>(
    format: &(dyn DynFormat + Sync),
    error: &dyn ApiError,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let mut serializer = Some(serializer);
    let mut result = None;
    format.with_body(error, &mut |body| {
        if let Some(serializer) = serializer.take() {
            result = Some(erased_serde::serialize(body, serializer));
        }
    });
    result.unwrap_or_else(|| Err(S::Error::custom("the custom format wrote no body")))
}
