//! How generated code uses a field's value, through helper traits whose
//! diagnostics point at the field and say what to do.

use core::error::Error;
use core::fmt::Display;

use serde_core::Serialize;

/// A field serialized into the body: exposed, or the details value.
#[diagnostic::on_unimplemented(
    message = "the exposed field's type `{Self}` does not implement `serde::Serialize`",
    label = "exposed, so it is serialized into the body",
    note = "derive it with `#[derive(serde::Serialize)]` (serde's `derive` feature), or leave the field out of the body"
)]
pub trait ExposedField {
    /// The value as a type-erased `Serialize`.
    fn as_exposed(&self) -> &dyn erased_serde::Serialize;
}

impl<T: Serialize> ExposedField for T {
    fn as_exposed(&self) -> &dyn erased_serde::Serialize {
        self
    }
}

/// A field written as text: in a message or details template, or as a header.
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not implement `Display`, which a template or header field needs",
    label = "written as text",
    note = "implement `Display` for `{Self}` (templates use `Display` only; `{{x:?}}` is refused, since `Debug` text is not for clients), or expose the field instead"
)]
pub trait TextField: Display {}

// Not recommended, so that a missing `Display` is reported as a missing
// `TextField`, with the note above, rather than as core's own error.
#[diagnostic::do_not_recommend]
impl<T: Display + ?Sized> TextField for T {}

/// `value` as a serializable member.
#[must_use]
pub fn exposed<T: ExposedField>(value: &T) -> &dyn erased_serde::Serialize {
    value.as_exposed()
}

/// A field as text, where `format_args!` or a header takes it. Its
/// `Display` is the field's own, called without a trait object in between,
/// and its bound is the one place a field lacking `Display` is reported.
pub struct Text<'a, T: ?Sized>(pub &'a T);

impl<T: TextField + ?Sized> Display for Text<'_, T> {
    #[inline]
    fn fmt(&self, formatter: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        Display::fmt(self.0, formatter)
    }
}

/// A field marked `#[api(source)]`: what `std::error::Error::source` returns.
#[diagnostic::on_unimplemented(
    message = "the source field's type `{Self}` does not implement `std::error::Error`",
    label = "the error's source",
    note = "a source is an error: implement `std::error::Error` for `{Self}` (thiserror's derive can), or box it as `Box<dyn std::error::Error + Send + Sync>`"
)]
pub trait SourceField {
    /// The value as the source error.
    fn as_source(&self) -> &(dyn Error + 'static);
}

impl<T: Error + 'static> SourceField for T {
    fn as_source(&self) -> &(dyn Error + 'static) {
        self
    }
}

/// The errors boxed as `Box<dyn Error ...>`, once unboxed.
macro_rules! dyn_sources {
    ($(($($bound:tt)*))*) => {$(
        #[diagnostic::do_not_recommend]
        impl SourceField for dyn Error $($bound)* {
            fn as_source(&self) -> &(dyn Error + 'static) {
                self
            }
        }

        impl<'a> Unbox<'a> for &crate::api_error::Probe<'a, Box<dyn Error $($bound)*>> {
            type Target = dyn Error $($bound)*;
            fn __errcat_unbox(&self) -> &'a Self::Target {
                &**self.0
            }
        }
    )*};
}

dyn_sources!((+ 'static) (+ Send + 'static) (+ Send + Sync + 'static));

/// Sees through a `Box<dyn Error ...>`, which is no `Error` itself, and
/// leaves any other value as it is: `(&&Probe(field)).__errcat_unbox()`.
/// A type alias of the box (`BoxError`) is seen through too.
pub trait Unbox<'a> {
    /// The value to take as the source.
    type Target: ?Sized;
    /// The value, or the error in the box.
    fn __errcat_unbox(&self) -> &'a Self::Target;
}

impl<'a, T: ?Sized> Unbox<'a> for crate::api_error::Probe<'a, T> {
    type Target = T;
    fn __errcat_unbox(&self) -> &'a T {
        self.0
    }
}

/// `value` as a source error.
#[must_use]
pub fn source<T: SourceField + ?Sized>(value: &T) -> &(dyn Error + 'static) {
    value.as_source()
}
