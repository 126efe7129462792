//! utoipa: the catalog as OpenAPI responses that generated clients can
//! switch on.
//!
//! Every derived type implements [`IntoResponses`]: one response per status
//! its errors use, whose description lists the codes under that status. The
//! response's schema is the type's format as a `oneOf` of one schema per
//! code, each with the code member (`code`, `type` in `typed`, `error` in
//! `oauth2`) a one-value `enum` and titled with the code, so a client
//! generator makes one class per code and a diff tool sees a code come or
//! go; where the format's object is the body itself, the `oneOf` has a
//! `discriminator` on the code member. A format that writes no code
//! (`described`, a custom one) gets an `anyOf` instead. Each code has a named example, the
//! body errcat sends with each message placeholder written `<field>`.
//! Exposed members are in each code's schema (typed when their Rust type
//! has a [`PartialSchema`](::utoipa::PartialSchema): strings, numbers,
//! collections of them, types deriving `ToSchema`; open otherwise), and
//! the headers the format sends (`WWW-Authenticate` from `challenge`,
//! `Cache-Control` and `Pragma` in `oauth2`, header fields) are declared on
//! the response. A `transparent` variant contributes its type's codes.
//!
//! An operation rarely returns every error of its type: [`responses!`](crate::responses)
//! names the subset one operation returns, checked at compile time.
//!
//! ```
//! use errcat::ApiError;
//! use utoipa::IntoResponses;
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "typed")]
//! enum UserError {
//!     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
//!     EmailTaken,
//!     #[api(status = 409, code = "UsernameAlreadyExists", message = "This username is taken.")]
//!     UsernameTaken,
//!     #[api(status = 404, message = "No user {id}")]
//!     UserNotFound {
//!         #[api(expose)]
//!         id: u64,
//!     },
//! }
//!
//! errcat::responses!(pub CreateUserErrors = UserError[EmailAlreadyExists, UsernameAlreadyExists]);
//!
//! let all = serde_json::to_value(UserError::responses()).unwrap();
//! assert_eq!(all["409"]["description"], "Conflict: `EmailAlreadyExists`, `UsernameAlreadyExists`");
//! let conflict = &all["409"]["content"]["application/json"];
//! assert_eq!(conflict["schema"]["discriminator"]["propertyName"], "type");
//! assert_eq!(conflict["schema"]["oneOf"][1]["properties"]["type"]["enum"][0], "UsernameAlreadyExists");
//! assert_eq!(
//!     conflict["examples"]["EmailAlreadyExists"]["value"],
//!     serde_json::json!({"type": "EmailAlreadyExists", "message": "This email is already in use."}),
//! );
//! let not_found = &all["404"]["content"]["application/json"];
//! assert_eq!(not_found["schema"]["oneOf"][0]["properties"]["id"]["type"], "integer");
//! assert_eq!(not_found["examples"]["UserNotFound"]["value"]["message"], "No user <id>");
//!
//! // One operation's errors: the 409 alone.
//! assert_eq!(CreateUserErrors::CODES, ["EmailAlreadyExists", "UsernameAlreadyExists"]);
//! assert_eq!(CreateUserErrors::responses().keys().collect::<Vec<_>>(), ["409"]);
//! ```

use std::collections::BTreeMap;

use http::header::WWW_AUTHENTICATE;
use http::{HeaderMap, HeaderValue, StatusCode};
use serde_json::{Map, Value};
use utoipa::openapi::example::Example;
use utoipa::openapi::schema::{AnyOfBuilder, Schema, SchemaType};
use utoipa::openapi::{
    Content, Discriminator, Header, Object, ObjectBuilder, OneOfBuilder, RefOr, Response,
    ResponseBuilder, Type,
};

#[doc(no_inline)]
pub use utoipa::IntoResponses;

use crate::format::{Declared, Format, FormatKind, TypeSettings};
use crate::placeholder::Placeholder;
use crate::schema::{SchemaFn, SchemaVisitor};
use crate::shared::formats::{Builtin, Placement};
use crate::{Catalog, Envelope, ErrorEntry};

/// The responses of every error of `T`: what the derived
/// [`IntoResponses`] returns.
#[must_use]
pub fn responses<T: Catalog + ?Sized>() -> BTreeMap<String, RefOr<Response>> {
    build::<T>(|_| true)
}

/// The responses of the errors of `T` whose code is in `codes`, in the
/// catalog's order; what [`responses!`](crate::responses) types return.
#[must_use]
pub fn responses_of<T: Catalog + ?Sized>(codes: &[&str]) -> BTreeMap<String, RefOr<Response>> {
    build::<T>(|entry| codes.contains(&entry.code))
}

/// What `Catalog::__schema` shows: exposed members and details, by code.
#[derive(Default)]
struct Extras {
    members: Vec<(&'static str, &'static str, SchemaFn)>,
    details: Vec<(&'static str, SchemaFn)>,
}

impl SchemaVisitor for Extras {
    fn member(&mut self, code: &'static str, name: &'static str, schema: SchemaFn) {
        self.members.push((code, name, schema));
    }

    fn details(&mut self, code: &'static str, schema: SchemaFn) {
        self.details.push((code, schema));
    }
}

fn build<T: Catalog + ?Sized>(
    keep: impl Fn(&ErrorEntry) -> bool,
) -> BTreeMap<String, RefOr<Response>> {
    let mut extras = Extras::default();
    T::__schema(&mut extras);
    let mut by_status: BTreeMap<u16, Vec<&'static ErrorEntry>> = BTreeMap::new();
    for entry in T::ENTRIES.iter().filter(|entry| keep(entry)) {
        by_status.entry(entry.status).or_default().push(entry);
    }
    by_status
        .into_iter()
        .map(|(status, entries)| {
            let response = response(&entries, T::__SETTINGS, &extras);
            (status.to_string(), RefOr::T(response))
        })
        .collect()
}

/// The response of `entries`, which share a status.
fn response(
    entries: &[&'static ErrorEntry],
    settings: &'static TypeSettings,
    extras: &Extras,
) -> Response {
    let builtin = match settings.format {
        FormatKind::Builtin(builtin) => Some(builtin),
        FormatKind::Custom(_) => None,
    };
    let mut items = Vec::with_capacity(entries.len());
    let mut examples = Vec::with_capacity(entries.len());
    let mut headers: BTreeMap<String, Vec<&'static str>> = BTreeMap::new();
    let mut content_type = "application/json";
    for &entry in entries {
        let error = Placeholder::new(entry, settings);
        let body = serde_json::to_value(Envelope::new(&error)).unwrap_or(Value::Null);
        content_type = Declared.content_type(&error);
        for name in sent_headers(&error, entry, settings) {
            headers.entry(name).or_default().push(entry.code);
        }
        for &name in entry.header_fields() {
            headers.entry(name.to_owned()).or_default().push(entry.code);
        }
        let members: Vec<(&str, SchemaFn)> = extras
            .members
            .iter()
            .filter(|(code, _, _)| *code == entry.code)
            .map(|&(_, name, schema)| (name, schema))
            .collect();
        let details = extras
            .details
            .iter()
            .find(|(code, _)| *code == entry.code)
            .map(|&(_, schema)| schema);
        let exposed = Exposed { members, details };
        items.push(code_schema(entry, &body, builtin, &exposed));
        let example = Example::builder()
            .summary(entry.message)
            .value(Some(body))
            .build();
        examples.push((entry.code, example));
    }
    let schema = if let Some(member) = builtin.and_then(Builtin::code_member) {
        // The code tells the schemas apart: exactly one matches a body.
        let mut one_of = OneOfBuilder::new();
        for item in items {
            one_of = one_of.item(item);
        }
        if builtin.and_then(Builtin::object).is_none() {
            one_of = one_of.discriminator(Some(Discriminator::new(member)));
        }
        Schema::OneOf(one_of.build())
    } else {
        // Without a code (`described`, a custom format), a body may match
        // several of them.
        let mut any_of = AnyOfBuilder::new();
        for item in items {
            any_of = any_of.item(item);
        }
        Schema::AnyOf(any_of.build())
    };
    let codes: Vec<String> = entries
        .iter()
        .map(|entry| format!("`{}`", entry.code))
        .collect();
    let mut response = ResponseBuilder::new()
        .description(format!("{}: {}", entries[0].reason(), codes.join(", ")))
        .content(
            content_type,
            Content::builder()
                .schema(Some(schema))
                .examples_from_iter(examples)
                .build(),
        );
    for (name, codes) in headers {
        let codes: Vec<String> = codes.iter().map(|code| format!("`{code}`")).collect();
        let header = Header::builder()
            .schema(ObjectBuilder::new().schema_type(Type::String))
            .description(Some(format!("Sent with {}.", codes.join(", "))))
            .build();
        response = response.header(name, header);
    }
    response.build()
}

/// The headers errcat sends with the error of `entry` beside the content
/// type, whatever its values: the challenge and the format's own.
fn sent_headers(error: &Placeholder, entry: &ErrorEntry, settings: &TypeSettings) -> Vec<String> {
    let mut headers = HeaderMap::new();
    if entry.status_code() == StatusCode::UNAUTHORIZED {
        if let Some(challenge) = settings
            .challenge
            .and_then(|text| HeaderValue::from_str(text).ok())
        {
            headers.insert(WWW_AUTHENTICATE, challenge);
        }
    }
    Declared.headers(error, &mut headers);
    headers
        .keys()
        .map(|name| canonical(name.as_str()))
        .collect()
}

/// `www-authenticate` as `WWW-Authenticate`, the way documents spell it.
fn canonical(name: &str) -> String {
    if name == "www-authenticate" {
        return "WWW-Authenticate".to_owned();
    }
    let mut out = String::with_capacity(name.len());
    let mut upper = true;
    for c in name.chars() {
        out.push(if upper { c.to_ascii_uppercase() } else { c });
        upper = c == '-';
    }
    out
}

/// What one code's body holds beside the format's own members.
struct Exposed<'a> {
    members: Vec<(&'a str, SchemaFn)>,
    details: Option<SchemaFn>,
}

/// The schema of one code's body: the example body's shape, its code and
/// numbers as one-value enums, and the exposed members where the format
/// writes them.
fn code_schema(
    entry: &ErrorEntry,
    body: &Value,
    builtin: Option<Builtin>,
    exposed: &Exposed<'_>,
) -> Schema {
    let code_member = builtin.and_then(Builtin::code_member);
    let placement = builtin.map_or(Placement::Inline, Builtin::placement);
    let wrapper = builtin.and_then(Builtin::object);
    let schema = match (wrapper, body) {
        (Some(wrapper), Value::Object(outer)) => {
            let inner = match outer.get(wrapper) {
                Some(Value::Object(inner)) => object(inner, code_member, exposed, placement),
                _ => ObjectBuilder::new().build(),
            };
            ObjectBuilder::new()
                .property(wrapper, inner)
                .required(wrapper)
                .build()
        }
        (_, Value::Object(map)) => object(map, code_member, exposed, placement),
        _ => ObjectBuilder::new().build(),
    };
    let mut schema = schema;
    schema.title = Some(entry.code.to_owned());
    if !entry.description.is_empty() {
        schema.description = Some(entry.description.to_owned());
    }
    Schema::Object(schema)
}

/// An object with each member of `map`, required, then the exposed members
/// and the details value, which a body has when the value has them.
fn object(
    map: &Map<String, Value>,
    code_member: Option<&str>,
    exposed: &Exposed<'_>,
    placement: Placement,
) -> Object {
    let members = &exposed.members;
    let mut object = ObjectBuilder::new();
    for (name, value) in map {
        let schema = if Some(name.as_str()) == code_member || value.is_number() {
            ObjectBuilder::new()
                .schema_type(value_type(value))
                .enum_values(Some([value.clone()]))
                .build()
        } else {
            ObjectBuilder::new().schema_type(value_type(value)).build()
        };
        object = object.property(name, schema).required(name);
    }
    match (placement, exposed.details) {
        (Placement::Inline, details) => {
            for &(name, schema) in members {
                object = object.property(name, schema());
            }
            if let Some(details) = details {
                object = object.property("details", details());
            }
        }
        (Placement::InDetails, Some(details)) => {
            object = object.property("details", details());
        }
        (Placement::InDetails, None) if !members.is_empty() => {
            let mut details = ObjectBuilder::new();
            for &(name, schema) in members {
                details = details.property(name, schema());
            }
            object = object.property("details", details);
        }
        (Placement::InDetails, None) => {}
    }
    object.build()
}

fn value_type(value: &Value) -> SchemaType {
    SchemaType::Type(match value {
        Value::Null => Type::Null,
        Value::Bool(_) => Type::Boolean,
        Value::Number(number) if number.is_f64() => Type::Number,
        Value::Number(_) => Type::Integer,
        Value::String(_) => Type::String,
        Value::Array(_) => Type::Array,
        Value::Object(_) => Type::Object,
    })
}

#[doc(hidden)]
pub mod __private {
    pub use utoipa::IntoResponses;
    pub use utoipa::openapi::RefOr;
    pub use utoipa::openapi::response::Response;
}

#[doc(hidden)]
#[macro_export]
macro_rules! __integrate_utoipa {
    (impl [$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::utoipa::__private::IntoResponses for $($ty)* $($where)* {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::utoipa::__private::RefOr<$crate::utoipa::__private::Response>,
            > {
                $crate::utoipa::responses::<Self>()
            }
        }
    };
}

/// The `IntoResponses` of a named set of a type's codes.
#[doc(hidden)]
#[macro_export]
macro_rules! __responses_utoipa {
    ($name:ident $ty:ty) => {
        #[automatically_derived]
        impl $crate::utoipa::__private::IntoResponses for $name {
            fn responses() -> ::std::collections::BTreeMap<
                ::std::string::String,
                $crate::utoipa::__private::RefOr<$crate::utoipa::__private::Response>,
            > {
                $crate::utoipa::responses_of::<$ty>($name::CODES)
            }
        }
    };
}
