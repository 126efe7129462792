//! Public messages: templates with fields, braces and format specs, the reason
//! phrase when there is no message, and the `display` key.

use errcat::{ApiError, Catalog};

/// The message as a `String`, after checking that the catalog row of the
/// value is the one `entry()` returns, and that the message serializes as
/// the same text (literal messages take a path of their own there).
fn message<E: ApiError + Catalog>(error: &E) -> String {
    assert!(E::ENTRIES.contains(error.entry()));
    assert_eq!(E::MARKDOWN, errcat::docs::markdown(E::ENTRIES));
    let text = error.message().to_string();
    assert_eq!(
        serde_json::to_string(&error.message()).unwrap(),
        serde_json::to_string(&text).unwrap()
    );
    text
}

#[derive(Debug, ApiError)]
#[api(status = 400)]
enum Interpolated {
    #[api(status = 404, message = "Couldn't find {model} with id {id}")]
    NotFound { model: &'static str, id: u64 },
    #[api(message = "{1} is not a valid {0}")]
    Invalid(&'static str, i64),
    #[api(message = "{{id}} is written {{ {id} }}, {{{{ and }}}} stay")]
    Braces { id: u32 },
    #[api(message = "{{}} only")]
    LiteralBraces,
    #[api(message = "{id} and again {id}")]
    Twice { id: u32 },
    #[api(message = "unicode: {name} → ok ✓")]
    Unicode { name: String },
}

#[test]
fn named_fields() {
    let error = Interpolated::NotFound {
        model: "Order",
        id: 232_323,
    };
    assert_eq!(message(&error), "Couldn't find Order with id 232323");
}

#[test]
fn positional_fields() {
    let error = Interpolated::Invalid("quantity", -3);
    assert_eq!(message(&error), "-3 is not a valid quantity");
}

#[test]
fn escaped_braces() {
    assert_eq!(
        message(&Interpolated::Braces { id: 7 }),
        "{id} is written { 7 }, {{ and }} stay"
    );
    assert_eq!(message(&Interpolated::LiteralBraces), "{} only");
}

#[test]
fn a_field_used_twice() {
    assert_eq!(message(&Interpolated::Twice { id: 42 }), "42 and again 42");
}

#[test]
fn non_ascii_text_and_owned_fields() {
    let error = Interpolated::Unicode {
        name: "Grüße".to_owned(),
    };
    assert_eq!(message(&error), "unicode: Grüße → ok ✓");
}

#[derive(Debug, ApiError)]
#[api(status = 422)]
enum Specs {
    #[api(message = "[{x:>8.2}]")]
    RightPrecision { x: f64 },
    #[api(message = "[{x:*^9}]")]
    CenterFill { x: &'static str },
    #[api(message = "[{n:05}]")]
    ZeroPad { n: i32 },
    #[api(message = "[{n:<5}|{n:>5}|{n:^5}]")]
    ThreeAlignments { n: u8 },
    #[api(message = "[{0:.3}] [{0:→>6}]")]
    StringPrecisionAndUnicodeFill(&'static str),
    #[api(message = "[{0:08.3}]")]
    ZeroPadPrecision(f64),
}

#[test]
fn width_and_precision() {
    assert_eq!(message(&Specs::RightPrecision { x: 1.23456 }), "[    1.23]");
    assert_eq!(message(&Specs::ZeroPadPrecision(-2.5)), "[-002.500]");
}

#[test]
fn fill_and_alignment() {
    assert_eq!(message(&Specs::CenterFill { x: "mid" }), "[***mid***]");
    assert_eq!(
        message(&Specs::ThreeAlignments { n: 7 }),
        "[7    |    7|  7  ]"
    );
    assert_eq!(
        message(&Specs::StringPrecisionAndUnicodeFill("abcdef")),
        "[abc] [abcdef]"
    );
    assert_eq!(
        message(&Specs::StringPrecisionAndUnicodeFill("ab")),
        "[ab] [→→→→ab]"
    );
}

#[test]
fn zero_padding_keeps_the_sign_first() {
    assert_eq!(message(&Specs::ZeroPad { n: 42 }), "[00042]");
    assert_eq!(message(&Specs::ZeroPad { n: -42 }), "[-0042]");
}

/// Raw identifiers are named without `r#` in templates.
#[derive(Debug, ApiError)]
#[api(status = 400, message = "unknown type {type} ({r#type}) in {match}")]
struct RawIdentifiers {
    r#type: &'static str,
    r#match: u8,
}

#[test]
fn raw_identifiers() {
    let error = RawIdentifiers {
        r#type: "ticket",
        r#match: 2,
    };
    assert_eq!(message(&error), "unknown type ticket (ticket) in 2");
}

#[derive(Debug, ApiError)]
#[expect(dead_code, reason = "no message reads the fields")]
enum WithoutMessage {
    #[api(status = 404)]
    NotFound,
    #[api(status = 418)]
    Teapot,
    #[api(status = 499)]
    NoReason4xx,
    #[api(status = 599)]
    NoReason5xx,
    #[api(status = 422)]
    Unprocessable { field: &'static str },
    /// A server error must not leak what its fields hold.
    #[api(status = 500)]
    Database { query: String },
    #[api(status = 503)]
    Upstream(&'static str),
}

#[test]
fn absent_message_is_the_reason_phrase() {
    let cases = [
        (WithoutMessage::NotFound, 404, "Not Found"),
        (WithoutMessage::Teapot, 418, "I'm a teapot"),
        (WithoutMessage::NoReason4xx, 499, "Client Error"),
        (WithoutMessage::NoReason5xx, 599, "Server Error"),
        (
            WithoutMessage::Unprocessable { field: "email" },
            422,
            "Unprocessable Entity",
        ),
    ];
    for (error, status, reason) in cases {
        assert_eq!(error.status().as_u16(), status);
        assert_eq!(message(&error), reason);
        assert_eq!(error.entry().message, reason);
    }
}

#[test]
fn server_error_without_message_says_only_the_reason_phrase() {
    let error = WithoutMessage::Database {
        query: "SELECT secret FROM users".to_owned(),
    };
    assert_eq!(message(&error), "Internal Server Error");
    assert_eq!(error.entry().message, "Internal Server Error");
    assert_eq!(
        message(&WithoutMessage::Upstream("10.0.0.3:5432 refused")),
        "Service Unavailable"
    );
}

#[derive(Debug, ApiError)]
#[api(status = 400, display)]
enum Displayed {
    #[api(message = "Couldn't find {model} with id {id:>4}")]
    Templated { model: &'static str, id: u64 },
    #[api(message = "A plain message")]
    Literal,
    #[api(status = 404)]
    Reason,
}

#[derive(Debug, ApiError)]
#[api(status = 429, message = "Retry in {0} s", display)]
struct DisplayedStruct(u32);

#[test]
fn display_key_writes_the_message() {
    let cases = [
        (
            Displayed::Templated {
                model: "Order",
                id: 7,
            },
            "Couldn't find Order with id    7",
        ),
        (Displayed::Literal, "A plain message"),
        (Displayed::Reason, "Not Found"),
    ];
    for (error, expected) in cases {
        assert_eq!(error.to_string(), expected);
        assert_eq!(message(&error), expected);
    }
    assert_eq!(DisplayedStruct(30).to_string(), "Retry in 30 s");
}

#[test]
fn message_debug_is_the_escaped_text() {
    let error = Interpolated::Unicode {
        name: "\"quoted\"\nline".to_owned(),
    };
    assert_eq!(
        format!("{:?}", error.message()),
        r#"Message("unicode: \"quoted\"\nline → ok ✓")"#
    );
}

/// A `Display` that fails on its own, breaking `Display`'s contract.
#[derive(Debug)]
struct Failing;

impl std::fmt::Display for Failing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("half")?;
        Err(std::fmt::Error)
    }
}

#[derive(Debug, ApiError)]
#[api(status = 400, format = "typed")]
enum Broken {
    #[api(message = "a {0} message")]
    Message(Failing),
    #[api(message = "fine")]
    Header(#[api(header = "X-Broken")] Failing),
}

#[test]
fn a_failing_display_ends_the_text_instead_of_panicking() {
    assert_eq!(
        serde_json::to_string(&Broken::Message(Failing).message()).unwrap(),
        r#""a half""#
    );
    let response = errcat::http_response(&Broken::Message(Failing));
    assert_eq!(response.body(), br#"{"type":"Message","message":"a half"}"#);
    let response = errcat::http_response(&Broken::Header(Failing));
    assert!(response.headers().get("x-broken").is_none());
    assert_eq!(response.body(), br#"{"type":"Header","message":"fine"}"#);
}
