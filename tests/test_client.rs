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
