//! The pieces every format is built from: the streamed message, the exposed
//! members and the details value.

use core::fmt::{self, Display};
use core::marker::PhantomData;

use serde_core::ser::{Serialize, SerializeMap, Serializer};

use erased_serde::Serialize as ErasedSerialize;

use super::Row;
use super::oauth2::Rfc6749;
use crate::api_error::Visitor;
use crate::shared::charset::is_nqschar_text;
use crate::shared::formats::{Builtin, Placement, TextRule, Value};
use crate::{ApiError, Message};

/// Serializes any `Display` value as a JSON string, streaming it into the
/// serializer (no intermediate `String`).
///
/// A `Display` that fails on its own, though the output did not (which
/// breaks `Display`'s contract and makes some serializers panic), ends the
/// text where it failed instead.
#[derive(Debug, Clone, Copy)]
pub struct Text<T>(pub T);

impl<T: Display> Serialize for Text<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&Tolerant(&self.0))
    }
}

impl Serialize for Message<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.literal() {
            Some(text) => serializer.serialize_str(text),
            None => serializer.collect_str(&Tolerant(self)),
        }
    }
}

/// The body of `error` with `row` in the built-in `format`, walked from the
/// format's row: its own members in order (inside its wrapper object, if it
/// has one), then the exposed members and the details value as `details`,
/// leaving out any that would repeat one of the format's own. Inlined into
/// each arm of the dispatch to it, which then calls nothing else first.
#[allow(
    clippy::inline_always,
    reason = "measured (bench/run): a call here costs a unit body about 10 instructions"
)]
#[inline(always)]
pub(crate) fn serialize_builtin<F: BuiltinFormat, S: Serializer>(
    error: &dyn ApiError,
    row: &Row,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let own = Own::<F> {
        error,
        row,
        format: PhantomData,
    };
    match F::BUILTIN.object() {
        Some(key) => {
            let mut map = serializer.serialize_map(Some(1))?;
            map.serialize_entry(key, &own)?;
            map.end()
        }
        None => own.serialize(serializer),
    }
}

/// A built-in format's type, which names its row: code generic over it
/// walks a row known at compile time.
pub(crate) trait BuiltinFormat: Sized {
    const BUILTIN: Builtin;

    /// Writes the format's own members into `map`: one statement per member
    /// of the row, so that each is compiled to the one write it does, with
    /// no loop over the row and no `match` on its values at run time.
    fn write_own<M: SerializeMap>(own: &Own<'_, Self>, map: &mut M) -> Result<(), M::Error>;
}

/// `impl BuiltinFormat` for each row, its members unrolled.
macro_rules! builtin_walks {
    ($($format:ident in $module:ident {
        name: $name:literal,
        members: { $($key:literal: $value:ident),* $(,)? },
        $($rest:tt)*
    })*) => {$(
        impl BuiltinFormat for super::$format {
            const BUILTIN: Builtin = Builtin::$format;

            #[inline]
            fn write_own<M: SerializeMap>(own: &Own<'_, Self>, map: &mut M) -> Result<(), M::Error> {
                $(own.member($key, Value::$value, map)?;)*
                Ok(())
            }
        }
    )*};
}

builtin_formats!(builtin_walks);

/// The object of a built-in format's own members and the exposed ones.
pub(crate) struct Own<'a, F> {
    error: &'a dyn ApiError,
    row: &'a Row,
    format: PhantomData<F>,
}

impl<F: BuiltinFormat> Own<'_, F> {
    /// Writes the member `key` holding `value`; inlined into each format's
    /// walk, where `value` and the format's text rule are constants.
    #[inline]
    fn member<M: SerializeMap>(
        &self,
        key: &'static str,
        value: Value,
        map: &mut M,
    ) -> Result<(), M::Error> {
        let Own { error, row, .. } = *self;
        let Row { entry, fixed, .. } = *row;
        let rfc6749 = F::BUILTIN.text_rule() == TextRule::Rfc6749;
        match value {
            Value::Status => map.serialize_entry(key, &entry.status),
            // A code is RFC 3986 unreserved characters (the derive and
            // `ErrorEntry::new` refuse others), all in RFC 6749's `NQSCHAR`:
            // the text rule leaves it as it is.
            Value::Code => map.serialize_entry(key, entry.code),
            Value::Message => {
                let literal = fixed.literal.then(|| entry.literal_message()).flatten();
                match literal {
                    // Most literals need no replacement under RFC 6749: a
                    // scan, and no formatting.
                    Some(message) if !rfc6749 || is_nqschar_text(message) => {
                        map.serialize_entry(key, message)
                    }
                    _ if rfc6749 => map.serialize_entry(key, &Text(Rfc6749(error.message()))),
                    // Streamed as `Message` serializes, without asking
                    // again whether it is a literal.
                    _ => map.serialize_entry(key, &Text(error.message())),
                }
            }
            Value::Reason => map.serialize_entry(key, entry.reason()),
            Value::TypeUri => {
                if let Some(text) = fixed.type_uri_text(entry) {
                    map.serialize_entry(key, text)
                } else {
                    let base = fixed.settings.type_base.unwrap_or_default();
                    map.serialize_entry(key, &Joined(base, entry.code))
                }
            }
            Value::Details if !entry.may_show_members() => Ok(()),
            Value::Details => details_member(error, key, map),
        }
    }
}

/// The details value, or else an object of the exposed members, as `key`:
/// out of line, as the members inline are, so that the walk inlined into
/// the dispatch stays small enough for the serializer's own calls to be
/// inlined into it.
#[inline(never)]
fn details_member<M: SerializeMap>(
    error: &dyn ApiError,
    key: &'static str,
    map: &mut M,
) -> Result<(), M::Error> {
    if !Details::new(error).serialize_entry(key, map)? {
        let members = Members::new(error);
        if !members.is_empty() {
            map.serialize_entry(key, &members)?;
        }
    }
    Ok(())
}

/// The exposed members and the details value of a format that writes them
/// beside its own members; out of line, as [`details_member`].
#[inline(never)]
fn inline_members<M: SerializeMap>(
    error: &dyn ApiError,
    own_members: &'static [&'static str],
    map: &mut M,
) -> Result<(), M::Error> {
    Members::new(error)
        .skipping(own_members)
        .with_details()
        .serialize_into(map)
}

impl<F: BuiltinFormat> Serialize for Own<'_, F> {
    // Inlined into the dispatch, so that a body costs no call a derived
    // `Serialize` does not make.
    #[allow(
        clippy::inline_always,
        reason = "measured (bench/run): a call here costs a unit body about 13 instructions"
    )]
    #[inline(always)]
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let format = F::BUILTIN;
        let mut map = serializer.serialize_map(None)?;
        F::write_own(self, &mut map)?;
        if format.placement() == Placement::Inline && self.row.entry.may_show_members() {
            inline_members(self.error, format.own_members(), &mut map)?;
        }
        map.end()
    }
}

/// Two static strings as one JSON string, for values such as `type_base`
/// followed by the code; nothing user-written is formatted, so nothing can
/// fail.
struct Joined(&'static str, &'static str);

impl Serialize for Joined {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&format_args!("{}{}", self.0, self.1))
    }
}

pub(crate) struct Tolerant<T>(pub(crate) T);

impl<T: Display> Display for Tolerant<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut output = Output { f, failed: false };
        match fmt::write(&mut output, format_args!("{}", self.0)) {
            Err(fmt::Error) if output.failed => Err(fmt::Error),
            _ => Ok(()),
        }
    }
}

/// Remembers whether the output itself failed.
struct Output<'a, 'b> {
    f: &'a mut fmt::Formatter<'b>,
    failed: bool,
}

impl fmt::Write for Output<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let result = self.f.write_str(text);
        self.failed |= result.is_err();
        result
    }
}

/// The exposed members of an error (`#[api(expose)]` fields), in declaration
/// order.
///
/// Serializes as an object of them; [`serialize_into`](Self::serialize_into)
/// writes them into an enclosing map instead. Members named in
/// [`skipping`](Self::skipping) are left out, so that a format's own keys are
/// never written twice.
#[derive(Clone, Copy)]
pub struct Members<'a> {
    error: &'a dyn ApiError,
    skip: &'a [&'a str],
    details_as_member: bool,
}

impl<'a> Members<'a> {
    /// The exposed members of `error`.
    #[must_use]
    pub fn new(error: &'a dyn ApiError) -> Self {
        Members {
            error,
            skip: &[],
            details_as_member: false,
        }
    }

    /// Leaves out members with these names.
    #[must_use]
    pub fn skipping(self, names: &'a [&'a str]) -> Self {
        Members {
            skip: names,
            ..self
        }
    }

    /// Includes the details value (a `details` template or field) as a member
    /// named `details`, where the format has no `details` member of its own.
    #[must_use]
    pub fn with_details(self) -> Self {
        Members {
            details_as_member: true,
            ..self
        }
    }

    /// Whether there is no member to write.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        let mut counter = Counter {
            members: self,
            found: false,
        };
        self.error.__visit(&mut counter);
        !counter.found
    }

    /// Writes the members as entries of `map`.
    ///
    /// # Errors
    ///
    /// When the map, or a member's `Serialize`, fails.
    pub fn serialize_into<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        let mut writer = EntryWriter {
            members: self,
            map,
            result: Ok(()),
        };
        self.error.__visit(&mut writer);
        writer.result
    }

    fn keeps(&self, name: &str) -> bool {
        // Length and first byte first: most names differ there, and a
        // comparison of the bytes is a call.
        !self.skip.iter().any(|skipped| {
            skipped.len() == name.len()
                && skipped.as_bytes().first() == name.as_bytes().first()
                && *skipped == name
        })
    }
}

impl Serialize for Members<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        self.serialize_into(&mut map)?;
        map.end()
    }
}

struct Counter<'m, 'a> {
    members: &'m Members<'a>,
    found: bool,
}

impl Visitor for Counter<'_, '_> {
    fn member(&mut self, name: &'static str, _: &dyn ErasedSerialize) {
        self.found |= self.members.keeps(name);
    }
    fn details_value(&mut self, _: &dyn ErasedSerialize) {
        self.found |= self.members.details_as_member && self.members.keeps("details");
    }
    fn details_text(&mut self, _: fmt::Arguments<'_>) {
        self.found |= self.members.details_as_member && self.members.keeps("details");
    }
}

struct EntryWriter<'m, 'a, M: SerializeMap> {
    members: &'m Members<'a>,
    map: &'m mut M,
    result: Result<(), M::Error>,
}

impl<M: SerializeMap> EntryWriter<'_, '_, M> {
    fn entry<V: Serialize + ?Sized>(&mut self, name: &'static str, value: &V) {
        if self.result.is_ok() && self.members.keeps(name) {
            self.result = self.map.serialize_entry(name, value);
        }
    }
}

impl<M: SerializeMap> Visitor for EntryWriter<'_, '_, M> {
    fn member(&mut self, name: &'static str, value: &dyn ErasedSerialize) {
        self.entry(name, value);
    }
    fn details_value(&mut self, value: &dyn ErasedSerialize) {
        if self.members.details_as_member {
            self.entry("details", value);
        }
    }
    fn details_text(&mut self, text: fmt::Arguments<'_>) {
        if self.members.details_as_member {
            self.entry("details", &Text(text));
        }
    }
}

/// The details value of an error: its `details` template or `details` field.
#[derive(Clone, Copy)]
pub struct Details<'a> {
    error: &'a dyn ApiError,
}

impl<'a> Details<'a> {
    /// The details value of `error`.
    #[must_use]
    pub fn new(error: &'a dyn ApiError) -> Self {
        Details { error }
    }

    /// Whether the error has a details value.
    #[must_use]
    pub fn is_present(&self) -> bool {
        let mut finder = DetailsFinder { found: false };
        self.error.__visit(&mut finder);
        finder.found
    }

    /// Writes `"key": details` into `map` if the error has a details value.
    /// Returns whether it did.
    ///
    /// # Errors
    ///
    /// When the map, or the details field's `Serialize`, fails.
    pub fn serialize_entry<M: SerializeMap>(
        &self,
        key: &'static str,
        map: &mut M,
    ) -> Result<bool, M::Error> {
        let mut writer = DetailsWriter {
            key,
            map,
            result: Ok(false),
        };
        self.error.__visit(&mut writer);
        writer.result
    }
}

struct DetailsFinder {
    found: bool,
}

impl Visitor for DetailsFinder {
    fn details_value(&mut self, _: &dyn ErasedSerialize) {
        self.found = true;
    }
    fn details_text(&mut self, _: fmt::Arguments<'_>) {
        self.found = true;
    }
}

struct DetailsWriter<'m, M: SerializeMap> {
    key: &'static str,
    map: &'m mut M,
    result: Result<bool, M::Error>,
}

impl<M: SerializeMap> DetailsWriter<'_, M> {
    fn write<V: Serialize + ?Sized>(&mut self, value: &V) {
        if let Ok(false) = self.result {
            self.result = self.map.serialize_entry(self.key, value).map(|()| true);
        }
    }
}

impl<M: SerializeMap> Visitor for DetailsWriter<'_, M> {
    fn details_value(&mut self, value: &dyn ErasedSerialize) {
        self.write(value);
    }
    fn details_text(&mut self, text: fmt::Arguments<'_>) {
        self.write(&Text(text));
    }
}

#[cfg(test)]
mod tests {
    use crate::shared::charset::{is_nqschar, is_unreserved};

    /// What lets an `oauth2` body write its code as it is.
    #[test]
    fn every_code_character_is_an_nqschar() {
        for c in (0..=0x7f_u8).map(char::from) {
            assert!(!is_unreserved(c) || is_nqschar(c), "{c:?}");
        }
    }
}
