//! The `utoipa` feature: the OpenAPI responses of derived types and of
//! per-operation error sets.

#![allow(dead_code, reason = "the errors are documented, never constructed")]

use errcat::ApiError;
use serde_json::{Value, json};
use utoipa::IntoResponses;

fn responses<T: IntoResponses>() -> Value {
    serde_json::to_value(T::responses()).unwrap()
}

#[derive(Debug, ApiError)]
#[api(format = "typed")]
enum Typed {
    /// Each email belongs to one account.
    #[api(
        status = 409,
        code = "EmailAlreadyExists",
        message = "This email is already in use."
    )]
    EmailTaken,
    #[api(
        status = 409,
        code = "UsernameAlreadyExists",
        message = "This username is taken."
    )]
    UsernameTaken,
}

#[test]
fn one_response_per_status_with_a_one_of_of_its_codes() {
    let code = |code: &str| {
        json!({
            "type": "object",
            "title": code,
            "properties": {
                "message": {"type": "string"},
                "type": {"type": "string", "enum": [code]},
            },
            "required": ["message", "type"],
        })
    };
    let mut email = code("EmailAlreadyExists");
    email["description"] = json!("Each email belongs to one account.");
    assert_eq!(
        responses::<Typed>(),
        json!({
            "409": {
                "description": "Conflict: `EmailAlreadyExists`, `UsernameAlreadyExists`",
                "content": {
                    "application/json": {
                        "schema": {
                            "oneOf": [email, code("UsernameAlreadyExists")],
                            "discriminator": {"propertyName": "type"},
                        },
                        "examples": {
                            "EmailAlreadyExists": {
                                "summary": "This email is already in use.",
                                "value": {"type": "EmailAlreadyExists", "message": "This email is already in use."},
                            },
                            "UsernameAlreadyExists": {
                                "summary": "This username is taken.",
                                "value": {"type": "UsernameAlreadyExists", "message": "This username is taken."},
                            },
                        },
                    },
                },
            },
        })
    );
}

#[derive(Debug, serde::Serialize)]
struct Opaque;

#[derive(Debug, serde::Serialize, utoipa::ToSchema)]
struct Window {
    seconds: u32,
}

#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum Nested {
    #[api(status = 429, message = "Slow down, {limit} a minute")]
    RateLimited {
        #[api(header = "Retry-After")]
        retry_after: u32,
        #[api(expose)]
        limit: u32,
        #[api(expose = "hint")]
        opaque: Opaque,
        #[api(expose)]
        maybe: Option<Opaque>,
        #[api(expose)]
        names: Vec<String>,
        #[api(expose)]
        window: Window,
    },
    #[api(transparent)]
    Users(Typed),
}

#[test]
fn nested_wraps_each_code_and_has_no_discriminator() {
    let all = responses::<Nested>();
    let limited = &all["429"];
    assert_eq!(
        limited["headers"]["Retry-After"]["description"],
        "Sent with `RateLimited`."
    );
    let content = &limited["content"]["application/json"];
    assert!(content["schema"].get("discriminator").is_none());
    let inner = &content["schema"]["oneOf"][0]["properties"]["error"];
    assert_eq!(inner["required"], json!(["code", "message", "status"]));
    assert_eq!(
        inner["properties"]["status"],
        json!({"type": "integer", "enum": [429]})
    );
    assert_eq!(inner["properties"]["limit"]["type"], "integer");
    // A member whose type has no schema is open.
    assert_eq!(inner["properties"]["hint"], json!({}));
    assert_eq!(inner["properties"]["maybe"], json!({}));
    assert_eq!(
        inner["properties"]["names"],
        json!({"type": "array", "items": {"type": "string"}})
    );
    assert_eq!(
        inner["properties"]["window"]["properties"]["seconds"]["type"],
        "integer"
    );
    assert_eq!(
        content["examples"]["RateLimited"]["value"],
        json!({"error": {"status": 429, "message": "Slow down, <limit> a minute", "code": "RateLimited"}})
    );
    // The transparent variant's codes, in this type's format.
    let conflict = &all["409"]["content"]["application/json"];
    assert_eq!(
        conflict["examples"]["UsernameAlreadyExists"]["value"],
        json!({"error": {"status": 409, "message": "This username is taken.", "code": "UsernameAlreadyExists"}})
    );
}

#[derive(Debug, ApiError)]
#[api(format = "oauth2", challenge = "Bearer realm=\"api\"")]
enum Token {
    #[api(status = 400, code = "invalid_request")]
    InvalidRequest,
    #[api(status = 401, code = "invalid_token")]
    InvalidToken,
}

#[test]
fn headers_the_format_sends_are_declared() {
    let all = responses::<Token>();
    let headers = |status: &str| {
        let mut names: Vec<String> = all[status]["headers"]
            .as_object()
            .unwrap()
            .keys()
            .cloned()
            .collect();
        names.sort();
        names
    };
    assert_eq!(headers("400"), ["Cache-Control", "Pragma"]);
    assert_eq!(
        headers("401"),
        ["Cache-Control", "Pragma", "WWW-Authenticate"]
    );
    let schema = &all["401"]["content"]["application/json"]["schema"];
    assert_eq!(schema["discriminator"]["propertyName"], "error");
}

#[derive(Debug, ApiError)]
#[api(format = "flat")]
enum Flat {
    #[api(status = 404, message = "No order {id}")]
    OrderNotFound {
        #[api(expose)]
        id: String,
    },
    #[api(status = 422, message = "Invalid order")]
    InvalidOrder {
        #[api(details)]
        problems: Vec<String>,
    },
    #[api(status = 410, message = "Gone", details = "Archived on {day}")]
    Archived { day: u32 },
}

#[test]
fn flat_puts_exposed_members_in_details() {
    let all = responses::<Flat>();
    let schema = &all["404"]["content"]["application/json"]["schema"]["oneOf"][0];
    assert_eq!(
        schema["properties"]["details"]["properties"]["id"],
        json!({"type": "string"})
    );
    assert_eq!(
        schema["properties"]["code"]["enum"],
        json!(["OrderNotFound"])
    );
}

errcat::responses!(
    /// The errors of `POST /users`.
    pub CreateUserErrors = Nested[EmailAlreadyExists, "RateLimited"]
);

#[test]
fn an_error_set_documents_its_codes_alone() {
    assert_eq!(
        CreateUserErrors::CODES,
        ["EmailAlreadyExists", "RateLimited"]
    );
    let all = responses::<CreateUserErrors>();
    assert_eq!(all["409"]["description"], "Conflict: `EmailAlreadyExists`");
    assert_eq!(
        all["429"]["description"],
        "Too Many Requests: `RateLimited`"
    );
    assert_eq!(all.as_object().unwrap().len(), 2);
}

/// `docs/openapi.json` is the users API's document as `GET /openapi.json`
/// serves it; `ERRCAT_BLESS=1 cargo test --test test_openapi` updates it.
#[test]
fn users_api_document_is_checked_in() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/openapi.json");
    errcat::docs::sync(path, &users_api::axum::openapi_json()).unwrap();
}
