//! The direct JSON writer behind `Envelope::write_json` and `http_response`
//! writes exactly the bytes `serde_json` writes for the same `Envelope`:
//! every built-in format, declared or chosen with `with_format`, every kind
//! of variant, hostile text, failing `Display` and `Serialize`, translated
//! messages.

use std::fmt::{self, Display};

use errcat::format::{Declared, Described, Flat, Format, Nested, OAuth2, Problem, Typed};
use errcat::http::StatusCode;
use errcat::{ApiError, Describe, Envelope, ErrorEntry, ValidationErrors};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde::Serialize;
use serde::ser::{Error as _, Serializer};

fn config() -> Config {
    Config {
        cases: 64,
        failure_persistence: None,
        ..Config::default()
    }
}

/// Text a client must never see unescaped: quotes, backslashes, control
/// characters, line breaks, non-ASCII, U+2028.
fn hostile() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            (0x20_u8..0x7f).prop_map(char::from),
            (0_u8..0x20).prop_map(char::from),
            Just('"'),
            Just('\\'),
            Just('\u{7f}'),
            Just('é'),
            Just('’'),
            Just('\u{2028}'),
            Just('\u{2029}'),
            Just('😀'),
            any::<char>(),
        ],
        0..24,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

/// A `Display` that writes its text, then fails.
#[derive(Debug)]
struct Failing(String);

impl Display for Failing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)?;
        Err(fmt::Error)
    }
}

/// A `Serialize` that fails.
#[derive(Debug)]
struct Refusing;

impl Serialize for Refusing {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(S::Error::custom("refused"))
    }
}

#[derive(Debug, Serialize)]
struct Payload {
    text: String,
    list: Vec<i64>,
}

/// The errors of a type in `$format`, one variant of each kind.
macro_rules! errors {
    ($name:ident, $inner:ident, $format:tt) => {
        #[derive(Debug, ApiError)]
        #[api(format = $format, rename_all = "snake_case", type_base = "https://inner.example/")]
        enum $inner {
            #[api(status = 404, message = "Inner \"literal\"")]
            InnerLiteral,
            #[api(status = 409, message = "Inner {0}")]
            InnerTemplated(String),
        }

        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, ApiError)]
        #[api(
                                                            format = $format,
                                                            rename_all = "snake_case",
                                                            type_base = "https://errors.example/",
                                                            challenge = "Bearer realm=\"api\""
                                                        )]
        enum $name {
            #[api(
                status = 409,
                message = "This email is already in use, please try another one."
            )]
            Unit,
            #[api(status = 503)]
            Reason,
            #[api(status = 418)]
            Teapot,
            #[api(status = 499)]
            NoReason,
            #[api(
                status = 400,
                message = "Quote \" backslash \\ tab\t cr\r lf\n nul\u{0} del\u{7f} é \u{2028} ’"
            )]
            HostileLiteral,
            #[api(status = 401, message = "{{braces}} {a} and {b:>6}")]
            Templated { a: String, b: String },
            #[api(
                status = 400,
                message = "Quote \" backslash \\ lf\n nul\u{0} {0} ’ \u{2028} end\t"
            )]
            HostileTemplate(String),
            #[api(status = 422, message = "Invalid {name}")]
            Exposed {
                #[api(expose)]
                name: String,
                #[api(expose = "count")]
                n: i64,
            },
            #[api(
                status = 400,
                message = "Bad",
                details = "{resource} is {size} too long"
            )]
            DetailsTemplate { resource: String, size: usize },
            #[api(status = 400, message = "Invalid payload")]
            DetailsField {
                #[api(details)]
                payload: Payload,
            },
            #[api(status = 429, message = "Retry in {retry_after} s")]
            Header {
                #[api(header = "Retry-After")]
                retry_after: u32,
            },
            #[api(status = 422, message = "{errors}")]
            Validation {
                #[api(expose)]
                errors: ValidationErrors,
            },
            #[api(status = 500, message = "Failed: {0}")]
            FailingDisplay(Failing),
            #[api(status = 500, message = "Refused")]
            FailingSerialize {
                #[api(expose)]
                refusing: Refusing,
                #[api(expose)]
                kept: u8,
            },
            #[api(transparent)]
            Wrapped($inner),
            #[api(transparent)]
            Foreign(Other),
        }

        impl $name {
            fn samples(text: &str, other: &str) -> Vec<$name> {
                let mut errors = ValidationErrors::new("order");
                errors.add("first_name", "blank", text.to_owned());
                errors.add_nested("tickets", other, "guest", "blank", text.to_owned());
                vec![
                    $name::Unit,
                    $name::Reason,
                    $name::Teapot,
                    $name::NoReason,
                    $name::HostileLiteral,
                    $name::Templated {
                        a: text.to_owned(),
                        b: other.to_owned(),
                    },
                    $name::HostileTemplate(text.to_owned()),
                    $name::Exposed {
                        name: text.to_owned(),
                        n: -7,
                    },
                    $name::DetailsTemplate {
                        resource: text.to_owned(),
                        size: 12,
                    },
                    $name::DetailsField {
                        payload: Payload {
                            text: other.to_owned(),
                            list: vec![1, -2],
                        },
                    },
                    $name::Header { retry_after: 30 },
                    $name::Validation { errors },
                    $name::FailingDisplay(Failing(text.to_owned())),
                    $name::FailingSerialize {
                        refusing: Refusing,
                        kept: 1,
                    },
                    $name::Wrapped($inner::InnerLiteral),
                    $name::Wrapped($inner::InnerTemplated(text.to_owned())),
                    $name::Foreign(Other::InDescribed),
                ]
            }
        }
    };
}

/// A transparent variant's type in another format than the enclosing one.
#[derive(Debug, ApiError)]
#[api(format = "described")]
enum Other {
    #[api(status = 410, message = "Gone for good")]
    InDescribed,
}

errors!(FlatError, FlatInner, "flat");
errors!(NestedError, NestedInner, "nested");
errors!(TypedError, TypedInner, "typed");
errors!(DescribedError, DescribedInner, "described");
errors!(OAuth2Error, OAuth2Inner, "oauth2");
errors!(ProblemError, ProblemInner, "problem");

/// An error written by hand.
#[derive(Debug)]
struct Upstream(String);

static UPSTREAM: ErrorEntry = ErrorEntry::new(
    "Upstream",
    StatusCode::BAD_GATEWAY,
    "upstream",
    "{0} failed",
);

impl Describe for Upstream {
    fn describe(&self) -> &'static ErrorEntry {
        &UPSTREAM
    }

    fn write_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed", self.0)
    }
}

/// Whether `write_json` writes what serde_json writes for the envelope, in
/// `locale` if any: the same bytes, or an error and the buffer as it was.
fn same<F: Format + Copy>(
    error: &dyn ApiError,
    format: F,
    locale: Option<&str>,
) -> Result<(), TestCaseError> {
    let mut envelope = Envelope::with_format(error, format);
    if let Some(locale) = locale {
        envelope = envelope.in_locale(locale);
    }
    let expected = serde_json::to_vec(&envelope);
    let mut buf = b"kept".to_vec();
    let written = envelope.write_json(&mut buf);
    match expected {
        Ok(expected) => {
            prop_assert!(written.is_ok(), "{:?} failed", error.code());
            prop_assert_eq!(
                String::from_utf8_lossy(&buf[4..]),
                String::from_utf8_lossy(&expected),
                "{}",
                error.code()
            );
        }
        Err(_) => {
            prop_assert!(written.is_err(), "{:?} wrote a body", error.code());
            prop_assert_eq!(&buf, b"kept");
        }
    }
    Ok(())
}

fn every_format(error: &dyn ApiError) -> Result<(), TestCaseError> {
    every_format_in(error, None)
}

fn every_format_in(error: &dyn ApiError, locale: Option<&str>) -> Result<(), TestCaseError> {
    same(error, Declared, locale)?;
    same(error, Flat, locale)?;
    same(error, Nested, locale)?;
    same(error, Typed, locale)?;
    same(error, Described, locale)?;
    same(error, OAuth2, locale)?;
    same(error, Problem, locale)
}

/// The body `http_response` sends: the envelope's bytes, or, when an
/// exposed member cannot be serialized, valid JSON without the exposed
/// members.
fn response_body(error: &dyn ApiError) -> Result<(), TestCaseError> {
    let response = errcat::http_response(error);
    let body = response.body();
    match serde_json::to_vec(&Envelope::new(error)) {
        Ok(expected) => prop_assert_eq!(
            String::from_utf8_lossy(body),
            String::from_utf8_lossy(&expected)
        ),
        Err(_) => {
            let value: serde_json::Value =
                serde_json::from_slice(body).expect("the fallback body is JSON");
            let text = value.to_string();
            prop_assert!(!text.contains("kept"), "{}", text);
            prop_assert!(text.contains("Refused"), "{}", text);
        }
    }
    Ok(())
}

macro_rules! check_type {
    ($name:ident, $text:expr, $other:expr) => {
        for error in $name::samples($text, $other) {
            every_format(&error)?;
            response_body(&error)?;
            let boxed: Box<dyn ApiError + Send + Sync> = Box::new(error);
            every_format(&boxed)?;
            response_body(&*boxed)?;
        }
    };
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn the_direct_writer_writes_what_serde_json_writes(text in hostile(), other in hostile()) {
        check_type!(FlatError, &text, &other);
        check_type!(NestedError, &text, &other);
        check_type!(TypedError, &text, &other);
        check_type!(DescribedError, &text, &other);
        check_type!(OAuth2Error, &text, &other);
        check_type!(ProblemError, &text, &other);
        let upstream = Upstream(text);
        every_format(&upstream)?;
        response_body(&upstream)?;
        let by_ref: &dyn ApiError = &upstream;
        every_format(&by_ref)?;
    }
}

/// A literal message becomes a body the derive wrote whole, escaped as
/// serde_json escapes it.
#[test]
fn constant_bodies_are_escaped_as_serde_json_escapes() {
    let mut buf = Vec::new();
    Envelope::new(&NestedError::HostileLiteral)
        .write_json(&mut buf)
        .unwrap();
    assert_eq!(
        String::from_utf8(buf).unwrap(),
        "{\"error\":{\"status\":400,\"message\":\"Quote \\\" backslash \\\\ tab\\t cr\\r lf\\n nul\\u0000 del\u{7f} é \u{2028} ’\",\"code\":\"hostile_literal\"}}"
    );
    let mut buf = Vec::new();
    Envelope::new(&OAuth2Error::HostileLiteral)
        .write_json(&mut buf)
        .unwrap();
    assert_eq!(
        String::from_utf8(buf).unwrap(),
        r#"{"error":"hostile_literal","error_description":"Quote ' backslash / tab  cr  lf  nul? del? e ? '"}"#
    );
}

/// A message whose `Display` fails ends where it failed, in every format.
#[test]
fn a_failing_display_ends_the_text() {
    let error = TypedError::FailingDisplay(Failing("half".to_owned()));
    let mut buf = Vec::new();
    Envelope::new(&error).write_json(&mut buf).unwrap();
    assert_eq!(
        String::from_utf8(buf).unwrap(),
        r#"{"type":"failing_display","message":"Failed: half"}"#
    );
}

/// A failing exposed member leaves the buffer as it was, and the response
/// is written without the exposed members.
#[test]
fn a_failing_serialize_is_an_error_and_the_response_drops_members() {
    let error = ProblemError::FailingSerialize {
        refusing: Refusing,
        kept: 1,
    };
    let mut buf = b"before".to_vec();
    assert!(Envelope::new(&error).write_json(&mut buf).is_err());
    assert_eq!(buf, b"before");
    assert_eq!(
        errcat::http_response(&error).body(),
        br#"{"type":"https://errors.example/failing_serialize","title":"Internal Server Error","status":500,"detail":"Refused","code":"failing_serialize"}"#
    );
}

#[path = "fixtures/locales/shop.rs"]
mod shop;

use shop::ShopError;

/// A localized body is written as serde_json writes it, a translated
/// literal message included, never the constant default body.
#[test]
fn localized_bodies_match_serde_json() {
    let errors = [
        ShopError::UserNotFound { id: 7 },
        ShopError::CartFull { items: 1 },
        ShopError::Locked,
        ShopError::Greeting {
            name: "\"Ana\"\n".to_owned(),
        },
    ];
    for error in &errors {
        for locale in ["de", "fr", "en", "de-CH", "xx"] {
            let envelope = Envelope::new(error).in_locale(locale);
            let mut buf = Vec::new();
            envelope.write_json(&mut buf).unwrap();
            assert_eq!(buf, serde_json::to_vec(&envelope).unwrap(), "{locale}");
            assert_eq!(
                errcat::http_response_in(error, locale).body(),
                &buf,
                "{locale}"
            );
        }
    }
    let mut buf = Vec::new();
    Envelope::new(&ShopError::Locked)
        .in_locale("de")
        .write_json(&mut buf)
        .unwrap();
    assert_ne!(
        String::from_utf8(buf).unwrap(),
        r#"{"error":{"status":423,"message":"Locked.","code":"Locked"}}"#
    );
}

/// The fixture's translated errors in `$format`: a translated message goes
/// where the default one would.
macro_rules! translated {
    ($name:ident, $format:tt) => {
        #[derive(Debug, ApiError)]
        #[api(format = $format, type_base = "https://errors.example/")]
        #[api(locales = "tests/fixtures/locales/basic", fallback = "fr")]
        enum $name {
            #[api(status = 404, message = "No user {id}")]
            UserNotFound { id: u64 },
            #[api(status = 409, message = "The cart already has {items} items.")]
            CartFull { items: u32 },
            #[api(status = 423, message = "Locked \"here\".")]
            Locked,
            #[api(status = 400, message = "Hello \"{name}\"\n!")]
            Greeting { name: String },
        }

        impl $name {
            fn samples(text: &str, items: u32) -> Vec<$name> {
                vec![
                    $name::UserNotFound { id: 7 },
                    $name::CartFull { items },
                    $name::Locked,
                    $name::Greeting {
                        name: text.to_owned(),
                    },
                ]
            }
        }
    };
}

translated!(FlatShop, "flat");
translated!(NestedShop, "nested");
translated!(TypedShop, "typed");
translated!(DescribedShop, "described");
translated!(OAuth2Shop, "oauth2");
translated!(ProblemShop, "problem");

/// `http_response_in` sends the body `write_json` writes in the locale.
fn response_body_in(error: &dyn ApiError, locale: &str) -> Result<(), TestCaseError> {
    let mut expected = Vec::new();
    Envelope::new(error)
        .in_locale(locale)
        .write_json(&mut expected)
        .expect("no member to fail");
    let response = errcat::http_response_in(error, locale);
    prop_assert_eq!(
        String::from_utf8_lossy(response.body()),
        String::from_utf8_lossy(&expected)
    );
    Ok(())
}

macro_rules! check_translated {
    ($name:ident, $text:expr, $items:expr) => {
        // The translations are the type's.
        prop_assert_eq!($name::Locked.message_in("de").to_string(), "Gesperrt.");
        for error in $name::samples($text, $items) {
            for locale in ["de", "fr", "pl", "en", "de-CH", "xx", ""] {
                every_format_in(&error, Some(locale))?;
                response_body_in(&error, locale)?;
            }
        }
    };
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn translated_bodies_are_written_as_serde_json_writes_them(text in hostile(), items in 0_u32..30) {
        check_translated!(FlatShop, &text, items);
        check_translated!(NestedShop, &text, items);
        check_translated!(TypedShop, &text, items);
        check_translated!(DescribedShop, &text, items);
        check_translated!(OAuth2Shop, &text, items);
        check_translated!(ProblemShop, &text, items);
    }
}
