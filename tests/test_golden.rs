//! Every JSON example of the seed pages, reproduced byte for byte.
//!
//! Each example is copied verbatim from its page into `tests/fixtures/`; the
//! tests compare errcat's output with the fixture minified (whitespace outside
//! strings removed, key order kept). The fixture is never parsed into a
//! `serde_json::Value`, which would sort its keys.

use errcat::format::{Format, Members, Text, Typed};
use errcat::{ApiError, Envelope, ValidationErrors};
use serde::ser::{SerializeMap, Serializer};

const SEED_000_GROUP_NOT_FOUND: &str = include_str!("fixtures/seed_000_group_not_found.json");
const SEED_002_VALIDATION_ERROR: &str = include_str!("fixtures/seed_002_validation_error.json");
const SEED_002_NOT_FOUND: &str = include_str!("fixtures/seed_002_not_found.json");
const SEED_004_EMAIL_ALREADY_EXISTS: &str =
    include_str!("fixtures/seed_004_email_already_exists.json");

/// `json` without the whitespace between its tokens; strings, escapes inside
/// them included, are kept as written.
fn minify(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            out.push(c);
        }
    }
    out
}

fn body<E: ApiError + ?Sized>(error: &E) -> String {
    serde_json::to_string(&Envelope::new(error)).expect("an envelope serializes")
}

/// The response's body as text, after checking its status and content type.
fn response_body<E: ApiError + ?Sized>(error: &E, status: u16, content_type: &str) -> String {
    let response = errcat::http_response(error);
    assert_eq!(response.status().as_u16(), status);
    assert_eq!(response.headers()["content-type"], content_type);
    String::from_utf8(response.into_body()).expect("the body is UTF-8")
}

#[test]
fn minify_keeps_strings_and_key_order() {
    assert_eq!(
        minify("{\n\t\"b\" : [ 1 , \"x y\\\" \\\\\" ],\r\n  \"a\": { } }"),
        r#"{"b":[1,"x y\" \\"],"a":{}}"#,
    );
}

// Seed 000 (Allphins): the `flat` shape.

/// Seed 000, written with literal templates.
#[derive(Debug, ApiError)]
#[api(format = "flat", rename_all = "snake_case")]
enum AllphinsError {
    #[api(status = 422, message = "Group not found", details = "Group not found")]
    GroupNotFoundError,
}

/// Seed 000, written with templates that interpolate a private field.
#[derive(Debug, ApiError)]
#[api(format = "flat", rename_all = "snake_case")]
enum AllphinsLookupError {
    #[api(
        status = 422,
        message = "{resource} not found",
        details = "{resource} not found"
    )]
    GroupNotFoundError { resource: &'static str },
}

#[test]
fn seed_000_group_not_found() {
    let expected = minify(SEED_000_GROUP_NOT_FOUND);
    assert_eq!(
        expected,
        r#"{"message":"Group not found","code":"group_not_found_error","details":"Group not found","status_code":422}"#,
    );
    let literal = AllphinsError::GroupNotFoundError;
    assert_eq!(body(&literal), expected);
    assert_eq!(response_body(&literal, 422, "application/json"), expected);

    let templated = AllphinsLookupError::GroupNotFoundError { resource: "Group" };
    assert_eq!(body(&templated), expected);
    assert_eq!(response_body(&templated, 422, "application/json"), expected);
}

// Seed 002 (a Rails ticketing API): the `typed` shape.

#[derive(Debug, ApiError)]
#[api(format = "typed", rename_all = "snake_case")]
enum TicketingError {
    #[api(status = 422, message = "{errors}")]
    ValidationError {
        #[api(expose)]
        errors: ValidationErrors,
    },
}

#[test]
fn seed_002_validation_error() {
    let mut errors = ValidationErrors::new("order");
    errors
        .add("first_name", "blank", "Required")
        .add("last_name", "blank", "Required")
        .add("email", "blank", "Required");
    // An association's errors may come before the model's last one: the
    // model's key still comes first.
    errors.add_nested("tickets", 2_148_082, "guest", "blank", "can't be blank");
    errors.add("guest", "blank", "Required");
    let error = TicketingError::ValidationError { errors };

    let expected = minify(SEED_002_VALIDATION_ERROR);
    assert!(expected.starts_with(r#"{"type":"validation_error","message":"First name Required, Last name Required, Email Required, and Guest Required","errors":{"order":[{"#));
    assert_eq!(body(&error), expected);
    assert_eq!(response_body(&error, 422, "application/json"), expected);
    assert_eq!(
        error.message().to_string(),
        "First name Required, Last name Required, Email Required, and Guest Required",
    );
}

/// The seed's `not_found` example ends its message with the SQL of the
/// failed query; an API built with errcat has no business sending that, so
/// the golden body is the seed's without it.
const SEED_002_SQL: &str =
    r#" [WHERE \"orders\".\"deleted_at\" IS NULL AND \"orders\".\"company_id\" = $1]"#;

/// `{"message":M,"type":C,X...}`: seed 002's exceptional errors, which write
/// the message before the type.
struct MessageFirst;

impl Format for MessageFirst {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("message", &Text(error.message()))?;
        map.serialize_entry("type", error.code())?;
        Members::new(error)
            .skipping(&["message", "type"])
            .with_details()
            .serialize_into(&mut map)?;
        map.end()
    }
}

#[derive(Debug, ApiError)]
#[api(format = MessageFirst, rename_all = "snake_case")]
enum ExceptionalError {
    #[api(
        status = 404,
        message = "Resource not found: Couldn't find {model} with '{primary_key}'={id}"
    )]
    NotFound {
        #[api(expose)]
        id: String,
        #[api(expose)]
        model: &'static str,
        #[api(expose)]
        primary_key: &'static str,
    },
}

fn order_not_found() -> ExceptionalError {
    ExceptionalError::NotFound {
        id: "232323".to_owned(),
        model: "Order",
        primary_key: "id",
    }
}

#[test]
fn seed_002_not_found_in_a_custom_shape() {
    let seed = minify(SEED_002_NOT_FOUND);
    assert_eq!(seed.matches(SEED_002_SQL).count(), 1);
    let expected = seed.replacen(SEED_002_SQL, "", 1);
    assert_eq!(
        expected,
        r#"{"message":"Resource not found: Couldn't find Order with 'id'=232323","type":"not_found","id":"232323","model":"Order","primary_key":"id"}"#,
    );

    let error = order_not_found();
    assert_eq!(body(&error), expected);
    assert_eq!(
        serde_json::to_string(&Envelope::with_format(&error, MessageFirst)).unwrap(),
        expected,
    );
    assert_eq!(response_body(&error, 404, "application/json"), expected);
}

#[test]
fn seed_002_not_found_in_the_typed_shape() {
    // The built-in `typed` shape writes the type first: the same members,
    // in another order.
    let error = order_not_found();
    assert_eq!(
        serde_json::to_string(&Envelope::with_format(&error, Typed)).unwrap(),
        r#"{"type":"not_found","message":"Resource not found: Couldn't find Order with 'id'=232323","id":"232323","model":"Order","primary_key":"id"}"#,
    );
    let response = errcat::http_response_with(&error, Typed);
    assert_eq!(response.status(), 404);
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(
        response.body().as_slice(),
        br#"{"type":"not_found","message":"Resource not found: Couldn't find Order with 'id'=232323","id":"232323","model":"Order","primary_key":"id"}"#,
    );
}

// Seed 004 (a users API): the `nested` shape.

#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum UsersError {
    #[api(
        status = 409,
        message = "This email is already in use, please try another one."
    )]
    EmailAlreadyExists,
}

#[test]
fn seed_004_email_already_exists() {
    let expected = minify(SEED_004_EMAIL_ALREADY_EXISTS);
    assert_eq!(
        expected,
        r#"{"error":{"status":409,"message":"This email is already in use, please try another one.","code":"EmailAlreadyExists"}}"#,
    );
    let error = UsersError::EmailAlreadyExists;
    assert_eq!(body(&error), expected);
    assert_eq!(response_body(&error, 409, "application/json"), expected);
}

#[test]
fn golden_bodies_are_the_same_through_trait_objects() {
    let errors: [Box<dyn ApiError + Send + Sync>; 3] = [
        Box::new(AllphinsError::GroupNotFoundError),
        Box::new(order_not_found()),
        Box::new(UsersError::EmailAlreadyExists),
    ];
    let expected = [
        minify(SEED_000_GROUP_NOT_FOUND),
        minify(SEED_002_NOT_FOUND).replacen(SEED_002_SQL, "", 1),
        minify(SEED_004_EMAIL_ALREADY_EXISTS),
    ];
    for (error, expected) in errors.iter().zip(&expected) {
        assert_eq!(&body(error), expected);
        assert_eq!(&body(&**error), expected);
        let by_ref: &dyn ApiError = &**error;
        assert_eq!(&body(by_ref), expected);
        assert_eq!(
            &response_body(by_ref, error.status().as_u16(), "application/json"),
            expected,
        );
    }
}
