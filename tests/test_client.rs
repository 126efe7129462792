//! `errcat::client::decode` reads back what every built-in format writes.

use errcat::client::{DecodeError, decode};
use errcat::http::header::{CONTENT_TYPE, HeaderValue};
use errcat::http::{HeaderMap, StatusCode};
use errcat::{ApiError, Catalog, Envelope, format};
use serde::Serialize;

#[derive(Debug, Serialize, PartialEq, serde::Deserialize)]
struct Owner {
    name: String,
}

#[derive(Debug, ApiError)]
#[api(rename_all = "snake_case", type_base = "https://errors.example/")]
enum OrderError {
    #[api(status = 404, message = "No order {id} \"quoted\"\n")]
    NotFound {
        #[api(expose)]
        id: u64,
        #[api(expose)]
        owner: Owner,
    },
    #[api(status = 503)]
    Down,
}

#[derive(Debug, PartialEq, ApiError)]
enum Units {
    #[api(status = 409, code = "taken")]
    Taken,
    #[api(status = 410)]
    Gone,
}

fn decoded_in<F: format::Format>(error: &OrderError, format: F) -> errcat::client::DecodedError {
    let body = serde_json::to_vec(&Envelope::with_format(error, &format)).unwrap();
    let mut headers = HeaderMap::new();
    let content_type = format.content_type(error);
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
    decode(error.status(), &headers, &body).unwrap()
}

fn not_found() -> OrderError {
    OrderError::NotFound {
        id: 7,
        owner: Owner {
            name: "Zoë \"Z\"".to_owned(),
        },
    }
}

#[test]
fn every_format_reads_back_its_code_message_and_members() {
    let error = not_found();
    let cases = [
        ("flat", decoded_in(&error, format::Flat)),
        ("nested", decoded_in(&error, format::Nested)),
        ("typed", decoded_in(&error, format::Typed)),
        ("described", decoded_in(&error, format::Described)),
        ("oauth2", decoded_in(&error, format::OAuth2)),
        ("problem", decoded_in(&error, format::Problem)),
    ];
    for (name, decoded) in &cases {
        assert_eq!(decoded.format(), *name);
        assert_eq!(decoded.status(), StatusCode::NOT_FOUND);
        let expected_code = (*name != "described").then_some("not_found");
        assert_eq!(decoded.code(), expected_code, "{name}");
        let message = match *name {
            // RFC 6749 allows no `"` and no line break in `error_description`.
            "oauth2" => "No order 7 'quoted' ",
            _ => "No order 7 \"quoted\"\n",
        };
        assert_eq!(decoded.message(), message, "{name}");
        if *name == "flat" {
            let members: Vec<_> = decoded.members().collect();
            assert_eq!(
                members,
                [("details", r#"{"id":7,"owner":{"name":"Zoë \"Z\""}}"#)]
            );
        } else {
            let members: Vec<_> = decoded.members().collect();
            assert_eq!(
                members,
                [("id", "7"), ("owner", r#"{"name":"Zoë \"Z\""}"#)],
                "{name}"
            );
            assert_eq!(decoded.member::<u64>("id").unwrap().unwrap(), 7);
            let owner: Owner = decoded.member("owner").unwrap().unwrap();
            assert_eq!(owner.name, "Zoë \"Z\"");
        }
        if expected_code.is_some() {
            assert_eq!(
                decoded.entry_in::<OrderError>(),
                Some(&OrderError::ENTRIES[0])
            );
        }
    }
}

#[test]
fn unit_variants_come_back_from_their_code() {
    assert_eq!(Units::from_code("taken"), Some(Units::Taken));
    assert_eq!(Units::from_code("Gone"), Some(Units::Gone));
    assert_eq!(Units::from_code("Taken"), None);
    assert_eq!(Units::from_code(""), None);
    let body = errcat::http_response(&Units::Gone);
    let decoded = decode(body.status(), body.headers(), body.body()).unwrap();
    assert_eq!(decoded.format(), "problem");
    assert_eq!(decoded.code().and_then(Units::from_code), Some(Units::Gone));
}

#[test]
fn bodies_that_are_no_error_body_are_errors_not_panics() {
    let headers = HeaderMap::new();
    let status = StatusCode::BAD_REQUEST;
    for body in [
        &b""[..],
        b"null",
        b"[1,2]",
        b"\"text\"",
        b"{",
        b"\xff\xfe",
        b"<html>",
    ] {
        assert!(matches!(
            decode(status, &headers, body),
            Err(DecodeError::NotAnObject(_))
        ));
    }
    for body in [
        &br#"{}"#[..],
        br#"{"message":1,"code":"x","status_code":400}"#,
        br#"{"error":{"status":400}}"#,
    ] {
        assert!(matches!(
            decode(status, &headers, body),
            Err(DecodeError::UnknownFormat)
        ));
    }
    let repeated = br#"{"type":"a","message":"m","type":"b"}"#;
    match decode(status, &headers, repeated) {
        Err(DecodeError::RepeatedMember(name)) => assert_eq!(name, "type"),
        other => panic!("{other:?}"),
    }
    // Nesting deeper than serde_json's limit is refused, not a stack overflow.
    let deep = format!("{{\"a\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(decode(status, &headers, deep.as_bytes()).is_err());
}

#[test]
fn a_problem_content_type_reads_only_as_problem() {
    let mut headers = HeaderMap::new();
    headers.insert(
        CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    let typed = br#"{"type":"x","message":"m"}"#;
    assert!(matches!(
        decode(StatusCode::BAD_REQUEST, &headers, typed),
        Err(DecodeError::UnknownFormat)
    ));
    assert_eq!(
        decode(StatusCode::BAD_REQUEST, &HeaderMap::new(), typed)
            .unwrap()
            .format(),
        "typed"
    );
}

#[test]
fn large_bodies_decode_in_one_pass() {
    let error = OrderError::NotFound {
        id: 1,
        owner: Owner {
            name: "x".repeat(1 << 20),
        },
    };
    let decoded = decoded_in(&error, format::Nested);
    let owner: Owner = decoded.member("owner").unwrap().unwrap();
    assert_eq!(owner.name.len(), 1 << 20);
    assert_eq!(
        decoded_in(&OrderError::Down, format::Typed).message(),
        "Service Unavailable"
    );
}

/// The documented bodies of real APIs, as they are.
#[test]
fn documented_bodies_decode() {
    let cases: [(&str, u16, &str, Option<&str>, &str); 4] = [
        (
            include_str!("fixtures/seed_000_group_not_found.json"),
            422,
            "flat",
            Some("group_not_found_error"),
            "Group not found",
        ),
        (
            include_str!("fixtures/seed_002_not_found.json"),
            404,
            "typed",
            Some("not_found"),
            "Resource not found: Couldn't find Order with 'id'=232323 [WHERE \"orders\".\"deleted_at\" IS NULL AND \"orders\".\"company_id\" = $1]",
        ),
        (
            include_str!("fixtures/seed_002_validation_error.json"),
            422,
            "typed",
            Some("validation_error"),
            "First name Required, Last name Required, Email Required, and Guest Required",
        ),
        (
            include_str!("fixtures/seed_004_email_already_exists.json"),
            409,
            "nested",
            Some("EmailAlreadyExists"),
            "This email is already in use, please try another one.",
        ),
    ];
    for (body, status, format, code, message) in cases {
        let status = StatusCode::from_u16(status).unwrap();
        let decoded = decode(status, &HeaderMap::new(), body.as_bytes()).unwrap();
        assert_eq!(decoded.format(), format);
        assert_eq!(decoded.code(), code);
        assert_eq!(decoded.message(), message);
    }
    let validation = decode(
        StatusCode::UNPROCESSABLE_ENTITY,
        &HeaderMap::new(),
        include_bytes!("fixtures/seed_002_validation_error.json"),
    )
    .unwrap();
    let errors: serde_json::Value = validation.member("errors").unwrap().unwrap();
    assert_eq!(errors["order"][0]["field"], "first_name");
}

mod properties {
    use proptest::prelude::*;

    use super::*;

    #[derive(Debug, ApiError)]
    #[api(type_base = "https://errors.example/")]
    enum Any {
        #[api(status = 400, code = "any-code", message = "{text}")]
        Text {
            text: String,
            #[api(expose)]
            value: String,
            #[api(expose)]
            count: i64,
        },
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn what_errcat_writes_it_reads_back(text in any::<String>(), value in any::<String>(), count in any::<i64>()) {
            let error = Any::Text { text: text.clone(), value: value.clone(), count };
            for response in [
                errcat::http_response(&error),
                errcat::http_response_with(&error, format::Nested),
                errcat::http_response_with(&error, format::Typed),
                errcat::http_response_with(&error, format::Flat),
            ] {
                let decoded = decode(response.status(), response.headers(), response.body()).unwrap();
                prop_assert_eq!(decoded.code(), Some("any-code"));
                prop_assert_eq!(decoded.message(), text.as_str());
                if decoded.format() != "flat" {
                    prop_assert_eq!(decoded.member::<String>("value").unwrap().unwrap(), value.clone());
                    prop_assert_eq!(decoded.member::<i64>("count").unwrap().unwrap(), count);
                }
            }
        }

        #[test]
        fn any_bytes_decode_or_fail_without_a_panic(body in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = decode(StatusCode::BAD_REQUEST, &HeaderMap::new(), &body);
        }

        #[test]
        fn any_json_object_decodes_or_fails_without_a_panic(members in proptest::collection::vec(("[a-z_]{1,12}", any::<String>()), 0..8)) {
            let object: serde_json::Map<String, serde_json::Value> = members
                .into_iter()
                .map(|(key, value)| (key, serde_json::Value::String(value)))
                .collect();
            let body = serde_json::to_vec(&object).unwrap();
            let _ = decode(StatusCode::BAD_REQUEST, &HeaderMap::new(), &body);
        }
    }
}
