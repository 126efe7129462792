//! How generated code uses a field's value, through helper traits whose
//! diagnostics point at the field and say what to do.

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

impl<T: Display> TextField for T {}

/// `value` as a serializable member.
#[must_use]
pub fn exposed<T: ExposedField>(value: &T) -> &dyn erased_serde::Serialize {
    value.as_exposed()
}

/// `value` as text. A trait object, so that a field lacking `Display` is
/// reported once, here, and not again where the text is written.
#[must_use]
pub fn display<T: TextField>(value: &T) -> &dyn Display {
    value
}
