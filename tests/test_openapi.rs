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

#[derive(Debug, ApiError)]
#[api(type_base = "https://errors.example.com/")]
enum Problem {
    #[api(status = 404, message = "No order {id}")]
    OrderNotFound {
        #[api(expose)]
        id: u64,
    },
    #[api(status = 404, message = "No such customer")]
    CustomerNotFound,
}

#[derive(Debug, ApiError)]
#[api(format = "described")]
enum Described {
    #[api(status = 403, message = "Read only")]
    ReadOnly,
    #[api(status = 403, message = "Not yours")]
    NotYours {
        #[api(expose)]
        owner: String,
    },
}

/// A document with one operation per format, and what the server would send
/// for one value of each error: `.ci/openapi-check` validates the document
/// with an OpenAPI validator and each body against its schema.
#[test]
fn every_format_makes_a_valid_document() {
    use utoipa::openapi::path::{HttpMethod, OperationBuilder, PathItem};
    use utoipa::openapi::{InfoBuilder, OpenApiBuilder, PathsBuilder, ResponsesBuilder};

    fn operation<T: IntoResponses>() -> PathItem {
        let responses = ResponsesBuilder::new().responses_from_into_responses::<T>();
        PathItem::new(
            HttpMethod::Get,
            OperationBuilder::new().responses(responses.build()),
        )
    }
    fn sent(path: &str, error: &dyn errcat::ApiError) -> Value {
        let response = errcat::http_response(error);
        let headers: serde_json::Map<String, Value> = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), json!(value.to_str().unwrap())))
            .collect();
        json!({
            "method": "get",
            "path": path,
            "status": response.status().as_u16().to_string(),
            "headers": headers,
            "body": serde_json::from_slice::<Value>(response.body()).unwrap(),
        })
    }
    let paths = PathsBuilder::new()
        .path("/typed", operation::<Typed>())
        .path("/nested", operation::<Nested>())
        .path("/oauth2", operation::<Token>())
        .path("/flat", operation::<Flat>())
        .path("/problem", operation::<Problem>())
        .path("/described", operation::<Described>());
    let document = OpenApiBuilder::new()
        .info(InfoBuilder::new().title("Formats").version("1").build())
        .paths(paths)
        .build();
    let bodies = [
        sent("/typed", &Typed::EmailTaken),
        sent("/typed", &Typed::UsernameTaken),
        sent(
            "/nested",
            &Nested::RateLimited {
                retry_after: 30,
                limit: 10,
                opaque: Opaque,
                maybe: None,
                names: vec!["ada".to_owned()],
                window: Window { seconds: 60 },
            },
        ),
        sent("/nested", &Nested::Users(Typed::EmailTaken)),
        sent("/oauth2", &Token::InvalidRequest),
        sent("/oauth2", &Token::InvalidToken),
        sent(
            "/flat",
            &Flat::OrderNotFound {
                id: "A-1".to_owned(),
            },
        ),
        sent(
            "/flat",
            &Flat::InvalidOrder {
                problems: vec!["no lines".to_owned()],
            },
        ),
        sent("/flat", &Flat::Archived { day: 3 }),
        sent("/problem", &Problem::OrderNotFound { id: 7 }),
        sent("/problem", &Problem::CustomerNotFound),
        sent("/described", &Described::ReadOnly),
        sent(
            "/described",
            &Described::NotYours {
                owner: "ada".to_owned(),
            },
        ),
    ];
    let tmp = env!("CARGO_TARGET_TMPDIR");
    std::fs::write(
        format!("{tmp}/openapi-formats.json"),
        document.to_pretty_json().unwrap(),
    )
    .unwrap();
    let bodies = serde_json::to_string_pretty(&bodies[..]).unwrap();
    std::fs::write(format!("{tmp}/openapi-formats-bodies.json"), bodies).unwrap();
    // The problem format's 404 has two codes and a discriminator on `code`.
    let document = serde_json::to_value(&document).unwrap();
    let problem = &document["paths"]["/problem"]["get"]["responses"]["404"]["content"]["application/problem+json"];
    assert_eq!(problem["schema"]["discriminator"]["propertyName"], "code");
}
