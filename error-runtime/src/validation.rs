//! Per-field validation errors, in the form Rails APIs send them.

use std::borrow::{Borrow, Cow};
use std::collections::HashMap;
use std::fmt::{self, Debug, Display, Write};
use std::hash::Hash;

use serde_core::ser::{Error as _, Serialize, SerializeMap, SerializeStruct, Serializer};

type Text = Cow<'static, str>;

/// The validation errors of one model and its nested associations.
///
/// Serializes as `{"order":[{"field":...,"code":...,"message":...}],
/// "tickets":{"2148082":[...]}}`: the model's own errors under its key, always
/// first, then each association's errors keyed by record id. Associations,
/// ids and errors keep the order in which they were first added.
///
/// An association named like the model cannot be serialized (its key would
/// appear twice): serialization fails, and `http_response` leaves the
/// members out.
///
/// Its `Display` is the sentence Rails builds from the model's own errors,
/// each field humanized: "First name Required, Last name Required, and Email
/// Required"; association errors are not in it. An error whose field is
/// empty (see [`add`](Self::add)) gives its message alone, one with neither
/// field nor message its humanized code, and one with no text at all is left
/// out. Only when the model has no errors of its own (or none with any text)
/// is the sentence built, the same way, from the association errors, in the
/// order they serialize in: "Guest can't be blank". So it is empty only when
/// no error has any text. Expose it as a field with `message = "{errors}"`
/// to get both.
///
/// ```
/// use errcat::{ApiError, Envelope, ValidationErrors};
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "typed", rename_all = "snake_case")]
/// enum OrderError {
///     #[api(status = 422, message = "{errors}")]
///     ValidationError {
///         #[api(expose)]
///         errors: ValidationErrors,
///     },
/// }
///
/// let mut errors = ValidationErrors::new("order");
/// errors.add("first_name", "blank", "Required");
/// errors.add("email", "blank", "Required");
/// errors.add_nested("tickets", 2148082, "guest", "blank", "can't be blank");
///
/// let body = serde_json::to_string(&Envelope::new(&OrderError::ValidationError { errors })).unwrap();
/// assert_eq!(
///     body,
///     r#"{"type":"validation_error","message":"First name Required and Email Required","errors":{"order":[{"field":"first_name","code":"blank","message":"Required"},{"field":"email","code":"blank","message":"Required"}],"tickets":{"2148082":[{"field":"guest","code":"blank","message":"can't be blank"}]}}}"#,
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValidationErrors {
    model: Text,
    errors: Vec<FieldError>,
    /// Each association's records, by association name then record id.
    associations: Ordered<Text, Ordered<String, Vec<FieldError>>>,
}

/// One failed check of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field, as the client sent it (`first_name`).
    pub field: Text,
    /// A stable code for the check (`blank`).
    pub code: Text,
    /// The message for the user (`Required`).
    pub message: Text,
}

/// Entries in the order their keys were first added, each found by its key
/// in constant time on average.
#[derive(Clone)]
struct Ordered<K, V> {
    entries: Vec<(K, V)>,
    /// The position of each key in `entries`.
    positions: HashMap<K, usize>,
}

impl<K: Hash + Eq + Clone, V: Default> Ordered<K, V> {
    /// The value of `key`, a default one added last if `key` is new.
    fn entry(&mut self, key: K) -> &mut V {
        let position = if let Some(&position) = self.positions.get(&key) {
            position
        } else {
            let position = self.entries.len();
            self.positions.insert(key.clone(), position);
            self.entries.push((key, V::default()));
            position
        };
        &mut self.entries[position].1
    }

    fn contains_key<Q>(&self, key: &Q) -> bool
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized,
    {
        self.positions.contains_key(key)
    }
}

impl<K, V> Ordered<K, V> {
    fn len(&self) -> usize {
        self.entries.len()
    }

    fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn iter(&self) -> impl Iterator<Item = (&K, &V)> + Clone {
        self.entries.iter().map(|(key, value)| (key, value))
    }
}

impl<K, V> Default for Ordered<K, V> {
    fn default() -> Self {
        Ordered {
            entries: Vec::new(),
            positions: HashMap::new(),
        }
    }
}

// The positions follow from the entries: equality and `Debug` leave them out.

impl<K: PartialEq, V: PartialEq> PartialEq for Ordered<K, V> {
    fn eq(&self, other: &Self) -> bool {
        self.entries == other.entries
    }
}

impl<K: Eq, V: Eq> Eq for Ordered<K, V> {}

impl<K: Debug, V: Debug> Debug for Ordered<K, V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl ValidationErrors {
    /// No errors yet for the model serialized under `model` (`"order"`).
    #[must_use]
    pub fn new(model: impl Into<Cow<'static, str>>) -> Self {
        ValidationErrors {
            model: model.into(),
            ..ValidationErrors::default()
        }
    }

    /// Records an error of one of the model's own fields.
    ///
    /// An empty `field` makes it an error of the model as a whole, like
    /// Rails' `:base` errors: the sentence gives its message alone, "Name
    /// can't be blank and Order is locked". It serializes like the others,
    /// with `"field":""`.
    ///
    /// ```
    /// let mut errors = errcat::ValidationErrors::new("order");
    /// errors.add("name", "blank", "can't be blank");
    /// errors.add("", "locked", "Order is locked");
    /// assert_eq!(errors.to_string(), "Name can't be blank and Order is locked");
    /// ```
    pub fn add(
        &mut self,
        field: impl Into<Cow<'static, str>>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        self.errors.push(FieldError::new(field, code, message));
        self
    }

    /// Records an error of a field of the record `id` of a nested
    /// `association` (`"tickets"`).
    pub fn add_nested(
        &mut self,
        association: impl Into<Cow<'static, str>>,
        id: impl Display,
        field: impl Into<Cow<'static, str>>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> &mut Self {
        self.associations
            .entry(association.into())
            .entry(id.to_string())
            .push(FieldError::new(field, code, message));
        self
    }

    /// Whether no error was recorded, the model's or an association's.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty() && self.associations.is_empty()
    }

    /// The model's own errors, in the order they were added.
    #[must_use]
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }
}

impl FieldError {
    fn new(
        field: impl Into<Cow<'static, str>>,
        code: impl Into<Cow<'static, str>>,
        message: impl Into<Cow<'static, str>>,
    ) -> Self {
        FieldError {
            field: field.into(),
            code: code.into(),
            message: message.into(),
        }
    }
}

impl Serialize for ValidationErrors {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.associations.contains_key(&*self.model) {
            // Two members with one key would let a client read either.
            return Err(S::Error::custom(format_args!(
                "association `{}` has the name of the model",
                self.model
            )));
        }
        let mut map = serializer.serialize_map(Some(1 + self.associations.len()))?;
        map.serialize_entry(&*self.model, &self.errors)?;
        for (name, records) in self.associations.iter() {
            map.serialize_entry(&**name, records)?;
        }
        map.end()
    }
}

/// An association's records, keyed by id.
impl Serialize for Ordered<String, Vec<FieldError>> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (id, errors) in self.iter() {
            map.serialize_entry(id, errors)?;
        }
        map.end()
    }
}

impl Serialize for FieldError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut error = serializer.serialize_struct("FieldError", 3)?;
        error.serialize_field("field", &self.field)?;
        error.serialize_field("code", &self.code)?;
        error.serialize_field("message", &self.message)?;
        error.end()
    }
}

impl Display for ValidationErrors {
    /// "A", "A and B", "A, B, and C": each item the words of one of the
    /// model's errors or, when none has any, of one of its associations'.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.errors.iter().any(FieldError::has_words) {
            write_sentence(f, self.errors.iter())
        } else {
            let nested = self
                .associations
                .iter()
                .flat_map(|(_, records)| records.iter())
                .flat_map(|(_, errors)| errors);
            write_sentence(f, nested)
        }
    }
}

/// The sentence of `errors`, leaving out those without words.
fn write_sentence<'a>(
    f: &mut fmt::Formatter<'_>,
    errors: impl Iterator<Item = &'a FieldError> + Clone,
) -> fmt::Result {
    let count = errors.clone().filter(|error| error.has_words()).count();
    for (i, error) in errors.filter(|error| error.has_words()).enumerate() {
        let separator = match (i, count) {
            (0, _) => "",
            (1, 2) => " and ",
            (i, count) if i + 1 == count => ", and ",
            _ => ", ",
        };
        f.write_str(separator)?;
        error.write_words(f)?;
    }
    Ok(())
}

impl FieldError {
    /// Whether the error puts anything in the sentence.
    fn has_words(&self) -> bool {
        !humanizable(&self.field).is_empty()
            || !self.message.is_empty()
            || !humanizable(&self.code).is_empty()
    }

    /// The humanized field and the message, the message alone when the field
    /// humanizes to nothing, the humanized code when both are empty.
    fn write_words(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let field = humanizable(&self.field);
        if field.is_empty() && self.message.is_empty() {
            return write_humanized(f, humanizable(&self.code));
        }
        write_humanized(f, field)?;
        if !field.is_empty() && !self.message.is_empty() {
            f.write_char(' ')?;
        }
        f.write_str(&self.message)
    }
}

/// The part of `field` that Rails' `humanize` keeps: without a trailing `_id`
/// or leading underscores.
fn humanizable(field: &str) -> &str {
    let field = field
        .strip_suffix("_id")
        .filter(|rest| !rest.is_empty())
        .unwrap_or(field);
    field.trim_start_matches('_')
}

/// The rest of Rails' `humanize`, on a [`humanizable`] field: underscores as
/// spaces, the first letter capitalized and the rest lowercase.
fn write_humanized(f: &mut fmt::Formatter<'_>, field: &str) -> fmt::Result {
    // What stays as it is goes out in runs: a writer that escapes pays per
    // call.
    let mut run = 0;
    for (at, c) in field.char_indices() {
        if at > 0 && c != '_' && c.is_ascii() && !c.is_ascii_uppercase() {
            continue;
        }
        if run < at {
            f.write_str(&field[run..at])?;
        }
        match c {
            '_' => f.write_char(' ')?,
            c if at == 0 => c.to_uppercase().try_for_each(|c| f.write_char(c))?,
            c => c.to_lowercase().try_for_each(|c| f.write_char(c))?,
        }
        run = at + c.len_utf8();
    }
    if run < field.len() {
        f.write_str(&field[run..])?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use core::fmt::{self, Write as _};

    use super::write_humanized;

    struct Humanized<'a>(&'a str);

    impl fmt::Display for Humanized<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write_humanized(f, self.0)
        }
    }

    /// Rails' `humanize` character by character, as the runs must write it.
    fn one_by_one(field: &str) -> String {
        let mut out = String::new();
        for (i, c) in field.chars().enumerate() {
            match c {
                '_' => out.push(' '),
                c if i == 0 => out.extend(c.to_uppercase()),
                c => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    #[test]
    fn runs_write_what_one_character_at_a_time_writes() {
        let fields = [
            "",
            "a",
            "_",
            "email",
            "first_name",
            "SHIPPING_ADDRESS",
            "__x__",
            "ßtraße_ÜBER",
            "émail_Ärger",
            "İstanbul_İ",
            "quote\"back\\slash",
            "line\r\nbreak\u{1}",
            "emoji😀_ΣΑΣ",
            "mIxEd_CaSe_9",
        ];
        for field in fields {
            let mut written = String::new();
            write!(written, "{}", Humanized(field)).unwrap();
            assert_eq!(written, one_by_one(field), "{field:?}");
        }
    }
}
