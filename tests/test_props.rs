//! Properties over arbitrary field values: every shape writes valid JSON that
//! round-trips the exposed values and the message; private fields, `Debug`
//! and `source()` never reach a body or a header; OAuth 2.0's `error` and
//! `error_description` stay inside RFC 6749's character set.

use std::error::Error;
use std::fmt::{self, Display};

use errcat::format::{Described, Flat, Format, Nested, OAuth2, Problem, Typed};
use errcat::{ApiError, Envelope};
use proptest::prelude::*;
use proptest::test_runner::Config;
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};
use serde_json::Value;

fn config() -> Config {
    Config {
        cases: 128,
        failure_persistence: None,
        ..Config::default()
    }
}

/// An error whose text is a secret.
#[derive(Debug)]
struct Leak(String);

impl Display for Leak {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "leaked {}", self.0)
    }
}

impl Error for Leak {}

/// A private field used in the message: its `Display` is public, its
/// `source()` and `Debug` hold the secret.
#[derive(Debug)]
struct Cause {
    public: String,
    source: Leak,
}

impl Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.public)
    }
}

impl Error for Cause {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

/// An exposed field: its `Serialize` is public; its `Display`, `Debug` and
/// `source()` hold the secret.
#[derive(Debug)]
struct Upstream {
    service: String,
    source: Leak,
}

impl Serialize for Upstream {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("service", &self.service)?;
        map.end()
    }
}

impl Display for Upstream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} failed: {}", self.service, self.source)
    }
}

impl Error for Upstream {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

/// The arbitrary values one case plants in every type.
#[derive(Debug, Clone)]
struct Input {
    name: String,
    count: i64,
    amount: u64,
    service: String,
    cause: String,
    secret: String,
    trace: String,
}

fn inputs() -> impl Strategy<Value = Input> {
    (
        any::<String>(),
        any::<i64>(),
        any::<u64>(),
        any::<String>(),
        any::<String>(),
        "SECRET-[a-z0-9]{12}",
        any::<String>(),
    )
        .prop_map(
            |(name, count, amount, service, cause, secret, trace)| Input {
                name,
                count,
                amount,
                service,
                cause,
                secret,
                trace,
            },
        )
        .prop_filter("public values must not look like the secret", |input| {
            [&input.name, &input.service, &input.cause, &input.trace]
                .iter()
                .all(|text| !text.contains("SECRET"))
        })
}

/// Declares `$name` in the shape `$format`; `samples` plants `Input` in
/// each variant: exposed members, a message interpolating them, private
/// secrets, a header field; a 401 with a challenge; a 5xx without message.
macro_rules! prop_error {
    ($name:ident, $format:tt) => {
        #[derive(Debug, ApiError)]
        #[api(format = $format, rename_all = "snake_case")]
        #[api(challenge = "Bearer realm=\"api\"")]
        enum $name {
            #[api(status = 422, message = "{name} has {count} items ({cause})")]
            Fields {
                #[api(expose)]
                name: String,
                #[api(expose)]
                count: i64,
                #[api(expose = "total")]
                amount: u64,
                #[api(expose)]
                upstream: Upstream,
                cause: Cause,
                secret: String,
                #[api(header = "X-Trace")]
                trace: String,
            },
            #[api(status = 401, message = "{name}: sign in again ({cause})")]
            Unauthorized {
                name: String,
                cause: Cause,
                secret: String,
            },
            #[api(status = 500)]
            Internal { cause: Cause, secret: String },
        }

        impl $name {
            fn samples(input: &Input) -> [$name; 3] {
                let cause = || Cause {
                    public: input.cause.clone(),
                    source: Leak(input.secret.clone()),
                };
                [
                    $name::Fields {
                        name: input.name.clone(),
                        count: input.count,
                        amount: input.amount,
                        upstream: Upstream {
                            service: input.service.clone(),
                            source: Leak(input.secret.clone()),
                        },
                        cause: cause(),
                        secret: input.secret.clone(),
                        trace: input.trace.clone(),
                    },
                    $name::Unauthorized {
                        name: input.name.clone(),
                        cause: cause(),
                        secret: input.secret.clone(),
                    },
                    $name::Internal {
                        cause: cause(),
                        secret: input.secret.clone(),
                    },
                ]
            }

            /// The secrets planted in private fields, for a check that they
            /// really hold the input's.
            fn planted(&self) -> [&str; 2] {
                match self {
                    $name::Fields { cause, secret, .. }
                    | $name::Unauthorized { cause, secret, .. }
                    | $name::Internal { cause, secret } => [secret, &cause.source.0],
                }
            }
        }
    };
}

prop_error!(FlatError, "flat");
prop_error!(NestedError, "nested");
prop_error!(TypedError, "typed");
prop_error!(DescribedError, "described");
prop_error!(OAuth2Error, "oauth2");
prop_error!(ProblemError, "problem");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Shape {
    Flat,
    Nested,
    Typed,
    Described,
    OAuth2,
    Problem,
}

const SHAPES: [Shape; 6] = [
    Shape::Flat,
    Shape::Nested,
    Shape::Typed,
    Shape::Described,
    Shape::OAuth2,
    Shape::Problem,
];

fn json<F: Format>(error: &dyn ApiError, format: F) -> String {
    serde_json::to_string(&Envelope::with_format(error, format)).expect("an envelope serializes")
}

fn body_in(error: &dyn ApiError, shape: Shape) -> String {
    match shape {
        Shape::Flat => json(error, Flat),
        Shape::Nested => json(error, Nested),
        Shape::Typed => json(error, Typed),
        Shape::Described => json(error, Described),
        Shape::OAuth2 => json(error, OAuth2),
        Shape::Problem => json(error, Problem),
    }
}

fn response_in(error: &dyn ApiError, shape: Shape) -> http::Response<Vec<u8>> {
    match shape {
        Shape::Flat => errcat::http_response_with(error, Flat),
        Shape::Nested => errcat::http_response_with(error, Nested),
        Shape::Typed => errcat::http_response_with(error, Typed),
        Shape::Described => errcat::http_response_with(error, Described),
        Shape::OAuth2 => errcat::http_response_with(error, OAuth2),
        Shape::Problem => errcat::http_response_with(error, Problem),
    }
}

/// Where a shape puts the message, and the object holding exposed members.
fn message_and_members(shape: Shape, body: &Value) -> (&Value, &Value) {
    match shape {
        Shape::Flat => (&body["message"], &body["details"]),
        Shape::Nested => (&body["error"]["message"], &body["error"]),
        Shape::Typed => (&body["message"], body),
        Shape::Described => (&body["description"], body),
        Shape::OAuth2 => (&body["error_description"], body),
        Shape::Problem => (&body["detail"], body),
    }
}

/// RFC 6749 §5.2: `%x20-21 / %x23-5B / %x5D-7E`.
fn is_nqschar(c: char) -> bool {
    matches!(c, '\x20'..='\x21' | '\x23'..='\x5B' | '\x5D'..='\x7E')
}

/// Asserts that `text` is RFC 6749 text that keeps, in order, every run of
/// allowed characters of `original` (each other character is replaced, the
/// text after it kept).
fn assert_rfc6749_of(text: &str, original: &str) {
    assert!(
        text.chars().all(is_nqschar),
        "outside RFC 6749's set: {text:?}"
    );
    if original.chars().all(is_nqschar) {
        assert_eq!(text, original);
    }
    let mut rest = text;
    for run in original.split(|c: char| !is_nqschar(c)) {
        let at = rest
            .find(run)
            .unwrap_or_else(|| panic!("{run:?} of {original:?} is missing from {text:?}"));
        rest = &rest[at + run.len()..];
    }
}

/// Checks one error's body in one shape: valid JSON, the message where the
/// shape puts it, and exposed members with the input's values.
fn check_body(error: &dyn ApiError, shape: Shape, text: &str, input: &Input) {
    let body: Value = serde_json::from_str(text).expect("the body is valid JSON");
    let (message, members) = message_and_members(shape, &body);
    let message = message.as_str().expect("the message is a string");
    let expected = error.message().to_string();
    if shape == Shape::OAuth2 {
        assert_rfc6749_of(message, &expected);
        let code = body["error"].as_str().expect("the error is a string");
        assert_rfc6749_of(code, error.code());
    } else {
        assert_eq!(message, expected);
    }
    if error.status() == 422 {
        assert_eq!(
            expected,
            format!("{} has {} items ({})", input.name, input.count, input.cause),
        );
        assert_eq!(members["name"], Value::from(input.name.as_str()));
        assert_eq!(members["count"], Value::from(input.count));
        assert_eq!(members["total"], Value::from(input.amount));
        assert_eq!(
            members["upstream"],
            serde_json::json!({ "service": input.service }),
        );
    } else {
        // No exposed members: flat has no `details`, the others nothing
        // beyond their own keys.
        let extra = match shape {
            Shape::Flat => body.get("details").is_some(),
            _ => members
                .as_object()
                .expect("an object")
                .keys()
                .any(|key| key == "name" || key == "cause" || key == "secret"),
        };
        assert!(!extra, "{text}");
    }
    if error.status() == 500 {
        // A 5xx without its own message says only the reason phrase.
        assert_eq!(expected, "Internal Server Error");
    }
}

/// Every body and every header of every shape, declared or chosen, for one
/// error: checked, and free of the secret.
fn check_error(error: &dyn ApiError, own: Shape, input: &Input) {
    assert_eq!(
        serde_json::to_string(&Envelope::new(error)).expect("an envelope serializes"),
        body_in(error, own),
    );
    let declared = errcat::http_response(error);
    assert_eq!(declared.body().as_slice(), body_in(error, own).as_bytes());
    check_headers(error, &declared, input);
    for shape in SHAPES {
        let text = body_in(error, shape);
        check_body(error, shape, &text, input);
        assert!(!text.contains("SECRET"), "{shape:?} leaked: {text}");
        assert!(!text.contains(&input.secret), "{shape:?} leaked: {text}");
        let response = response_in(error, shape);
        assert_eq!(response.status(), error.status());
        assert_eq!(response.body().as_slice(), text.as_bytes());
        check_headers(error, &response, input);
    }
}

fn check_headers(error: &dyn ApiError, response: &http::Response<Vec<u8>>, input: &Input) {
    for (name, value) in response.headers() {
        let value = String::from_utf8_lossy(value.as_bytes());
        assert!(!value.contains("SECRET"), "{name} leaked: {value}");
    }
    let trace = response.headers().get("x-trace");
    if error.status() == 422 {
        // The header field's value is sent as it is, or left out when it is
        // not header text; never sent broken.
        let value = &input.trace;
        if value.contains(['\r', '\n', '\0']) {
            assert_eq!(trace, None);
        } else if value.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            assert_eq!(
                trace.map(http::HeaderValue::as_bytes),
                Some(value.as_bytes())
            );
        } else if let Some(trace) = trace {
            assert_eq!(trace.as_bytes(), value.as_bytes());
        }
    } else {
        assert_eq!(trace, None);
    }
    let challenges = response
        .headers()
        .get_all("www-authenticate")
        .iter()
        .count();
    assert_eq!(challenges, usize::from(error.status() == 401));
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_shape_round_trips_and_keeps_secrets(input in inputs()) {
        macro_rules! check_type {
            ($name:ident, $own:expr) => {
                for error in $name::samples(&input) {
                    assert_eq!(error.planted(), [input.secret.as_str(); 2]);
                    check_error(&error, $own, &input);
                    let boxed: Box<dyn ApiError + Send + Sync> = Box::new(error);
                    check_error(&boxed, $own, &input);
                }
            };
        }
        check_type!(FlatError, Shape::Flat);
        check_type!(NestedError, Shape::Nested);
        check_type!(TypedError, Shape::Typed);
        check_type!(DescribedError, Shape::Described);
        check_type!(OAuth2Error, Shape::OAuth2);
        check_type!(ProblemError, Shape::Problem);
    }
}

// OAuth 2.0's character set, with codes outside it.

/// A type in another format, with messages outside RFC 6749's set. (Codes
/// outside it, such as `naïve"code\x`, are compile errors in every format:
/// they are outside RFC 3986's unreserved set too.)
#[derive(Debug, ApiError)]
#[api(format = "typed", challenge = "Bearer")]
enum Foreign {
    #[api(status = 401, code = "naive.code~x", message = "{text}")]
    Naive { text: String },
    #[api(status = 400, code = "ok_code", message = "Check “{text}”…")]
    Plain { text: String },
}

/// The description the header's challenge carries, from
/// `error_description="..."` to the end.
fn challenge_description(challenge: &str) -> &str {
    let (_, rest) = challenge
        .split_once("error_description=\"")
        .expect("the challenge has an error_description");
    rest.strip_suffix('"').expect("the attribute is quoted")
}

/// The text RFC 6749 allows, from a message of printable ASCII, quotes,
/// backslashes, line breaks and tabs, as `OAuth2` documents it.
fn expected_rfc6749(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '"' => '\'',
            '\\' => '/',
            '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .collect()
}

fn ascii_with_breaks() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            (0x20_u8..0x7f).prop_map(char::from),
            Just('"'),
            Just('\\'),
            Just('\n'),
            Just('\r'),
            Just('\t'),
        ],
        0..48,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn oauth2_text_stays_in_rfc6749_set(text in any::<String>()) {
        for error in [Foreign::Naive { text: text.clone() }, Foreign::Plain { text: text.clone() }] {
            let response = errcat::http_response_with(&error, OAuth2);
            let body: Value = serde_json::from_slice(response.body()).expect("valid JSON");
            let code = body["error"].as_str().expect("a string");
            let description = body["error_description"].as_str().expect("a string");
            assert_rfc6749_of(code, error.code());
            assert_rfc6749_of(description, &error.message().to_string());
            if error.status() == 401 {
                assert_eq!(code, "naive.code~x");
                let challenge = response.headers()["www-authenticate"]
                    .to_str()
                    .expect("the challenge is visible ASCII");
                prop_assert!(challenge.starts_with("Bearer error=\"naive.code~x\", error_description=\""));
                prop_assert_eq!(challenge_description(challenge), description);
            } else {
                assert_eq!(code, "ok_code");
                prop_assert!(response.headers().get("www-authenticate").is_none());
            }
        }
        for error in OAuth2Error::samples(&Input {
            name: text.clone(),
            count: 1,
            amount: 2,
            service: text.clone(),
            cause: text.clone(),
            secret: "SECRET-000000000000".to_owned(),
            trace: String::new(),
        }) {
            let response = errcat::http_response(&error);
            let body: Value = serde_json::from_slice(response.body()).expect("valid JSON");
            assert_rfc6749_of(
                body["error_description"].as_str().expect("a string"),
                &error.message().to_string(),
            );
            if error.status() == 401 {
                let challenge = response.headers()["www-authenticate"].to_str().expect("ASCII");
                prop_assert!(challenge.starts_with("Bearer realm=\"api\", error=\"unauthorized\", error_description=\""));
                prop_assert_eq!(
                    challenge_description(challenge),
                    body["error_description"].as_str().expect("a string"),
                );
            }
        }
    }

    #[test]
    fn oauth2_replaces_each_character_and_keeps_the_rest(text in ascii_with_breaks()) {
        let expected = expected_rfc6749(&text);
        let error = Foreign::Naive { text };
        let body = serde_json::to_string(&Envelope::with_format(&error, OAuth2)).unwrap();
        let wanted = format!(
            r#"{{"error":"naive.code~x","error_description":{}}}"#,
            serde_json::to_string(&expected).unwrap(),
        );
        prop_assert_eq!(body, wanted);
    }
}
