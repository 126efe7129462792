//! The six built-in wire shapes and custom ones, as exact JSON text and as
//! whole HTTP responses (status, content type, headers, body).

use errcat::format::{
    Declared, Described, Flat, Format, Members, Nested, OAuth2, Problem, Text, Typed,
};
use errcat::{ApiError, Envelope};
use http::{HeaderMap, Response, StatusCode};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

#[derive(Debug, Serialize)]
struct Owner {
    login: &'static str,
    id: u32,
}

#[derive(Debug, Serialize)]
struct FieldProblem {
    field: &'static str,
    problem: &'static str,
}

/// Declares `$name` in the shape `$format`, with one variant per feature:
/// unit, templated message, exposed members, details template, details
/// field, header field. `samples()` gives one value of each, in that order.
macro_rules! shape_error {
    ($name:ident, $format:tt) => {
        #[derive(Debug, ApiError)]
        #[api(format = $format, rename_all = "snake_case")]
        enum $name {
            #[api(status = 404)]
            Unit,
            #[api(status = 409, message = "User {user} already has {count:0>3} keys")]
            Templated { user: &'static str, count: u32 },
            #[api(status = 422, message = "Invalid user {name}")]
            Exposed {
                #[api(expose)]
                id: u64,
                #[api(expose = "user_name")]
                name: String,
                #[api(expose)]
                r#ref: &'static str,
                #[api(expose)]
                owner: Owner,
                #[api(expose)]
                note: Option<&'static str>,
                secret: String,
            },
            #[api(
                status = 400,
                message = "Bad {resource}",
                details = "The {resource} is malformed"
            )]
            DetailsTemplate { resource: &'static str },
            #[api(status = 400, message = "Invalid fields")]
            DetailsField {
                #[api(details)]
                fields: Vec<FieldProblem>,
            },
            #[api(status = 429, message = "Retry in {retry_after} s")]
            Header {
                #[api(header = "Retry-After")]
                retry_after: u32,
            },
        }

        impl $name {
            /// The private field's value, which no body or header may show.
            fn secret(&self) -> Option<&str> {
                match self {
                    $name::Exposed { secret, .. } => Some(secret),
                    _ => None,
                }
            }

            fn samples() -> [$name; 6] {
                [
                    $name::Unit,
                    $name::Templated {
                        user: "\"ana\"\n",
                        count: 7,
                    },
                    $name::Exposed {
                        id: 42,
                        name: "Zoë".to_owned(),
                        r#ref: "r-1",
                        owner: Owner {
                            login: "root",
                            id: 1,
                        },
                        note: None,
                        secret: "hunter2".to_owned(),
                    },
                    $name::DetailsTemplate { resource: "ticket" },
                    $name::DetailsField {
                        fields: vec![FieldProblem {
                            field: "email",
                            problem: "blank",
                        }],
                    },
                    $name::Header { retry_after: 30 },
                ]
            }
        }
    };
}

shape_error!(FlatError, "flat");
shape_error!(NestedError, "nested");
shape_error!(TypedError, "typed");
shape_error!(DescribedError, "described");
shape_error!(OAuth2Error, "oauth2");
shape_error!(ProblemError, "problem");

/// Statuses of the samples, in order.
const STATUSES: [u16; 6] = [404, 409, 422, 400, 400, 429];

const FLAT: [&str; 6] = [
    r#"{"message":"Not Found","code":"unit","status_code":404}"#,
    r#"{"message":"User \"ana\"\n already has 007 keys","code":"templated","status_code":409}"#,
    r#"{"message":"Invalid user Zoë","code":"exposed","details":{"id":42,"user_name":"Zoë","ref":"r-1","owner":{"login":"root","id":1},"note":null},"status_code":422}"#,
    r#"{"message":"Bad ticket","code":"details_template","details":"The ticket is malformed","status_code":400}"#,
    r#"{"message":"Invalid fields","code":"details_field","details":[{"field":"email","problem":"blank"}],"status_code":400}"#,
    r#"{"message":"Retry in 30 s","code":"header","status_code":429}"#,
];

const NESTED: [&str; 6] = [
    r#"{"error":{"status":404,"message":"Not Found","code":"unit"}}"#,
    r#"{"error":{"status":409,"message":"User \"ana\"\n already has 007 keys","code":"templated"}}"#,
    r#"{"error":{"status":422,"message":"Invalid user Zoë","code":"exposed","id":42,"user_name":"Zoë","ref":"r-1","owner":{"login":"root","id":1},"note":null}}"#,
    r#"{"error":{"status":400,"message":"Bad ticket","code":"details_template","details":"The ticket is malformed"}}"#,
    r#"{"error":{"status":400,"message":"Invalid fields","code":"details_field","details":[{"field":"email","problem":"blank"}]}}"#,
    r#"{"error":{"status":429,"message":"Retry in 30 s","code":"header"}}"#,
];

const TYPED: [&str; 6] = [
    r#"{"type":"unit","message":"Not Found"}"#,
    r#"{"type":"templated","message":"User \"ana\"\n already has 007 keys"}"#,
    r#"{"type":"exposed","message":"Invalid user Zoë","id":42,"user_name":"Zoë","ref":"r-1","owner":{"login":"root","id":1},"note":null}"#,
    r#"{"type":"details_template","message":"Bad ticket","details":"The ticket is malformed"}"#,
    r#"{"type":"details_field","message":"Invalid fields","details":[{"field":"email","problem":"blank"}]}"#,
    r#"{"type":"header","message":"Retry in 30 s"}"#,
];

const DESCRIBED: [&str; 6] = [
    r#"{"message":"Not Found","description":"Not Found"}"#,
    r#"{"message":"Conflict","description":"User \"ana\"\n already has 007 keys"}"#,
    r#"{"message":"Unprocessable Entity","description":"Invalid user Zoë","id":42,"user_name":"Zoë","ref":"r-1","owner":{"login":"root","id":1},"note":null}"#,
    r#"{"message":"Bad Request","description":"Bad ticket","details":"The ticket is malformed"}"#,
    r#"{"message":"Bad Request","description":"Invalid fields","details":[{"field":"email","problem":"blank"}]}"#,
    r#"{"message":"Too Many Requests","description":"Retry in 30 s"}"#,
];

/// `"` becomes `'`, a line break a space, `ë` an `e`: RFC 6749's set.
const OAUTH2: [&str; 6] = [
    r#"{"error":"unit","error_description":"Not Found"}"#,
    r#"{"error":"templated","error_description":"User 'ana'  already has 007 keys"}"#,
    r#"{"error":"exposed","error_description":"Invalid user Zoe","id":42,"user_name":"Zoë","ref":"r-1","owner":{"login":"root","id":1},"note":null}"#,
    r#"{"error":"details_template","error_description":"Bad ticket","details":"The ticket is malformed"}"#,
    r#"{"error":"details_field","error_description":"Invalid fields","details":[{"field":"email","problem":"blank"}]}"#,
    r#"{"error":"header","error_description":"Retry in 30 s"}"#,
];

const PROBLEM: [&str; 6] = [
    r#"{"type":"about:blank","title":"Not Found","status":404,"detail":"Not Found","code":"unit"}"#,
    r#"{"type":"about:blank","title":"Conflict","status":409,"detail":"User \"ana\"\n already has 007 keys","code":"templated"}"#,
    r#"{"type":"about:blank","title":"Unprocessable Entity","status":422,"detail":"Invalid user Zoë","code":"exposed","id":42,"user_name":"Zoë","ref":"r-1","owner":{"login":"root","id":1},"note":null}"#,
    r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad ticket","code":"details_template","details":"The ticket is malformed"}"#,
    r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Invalid fields","code":"details_field","details":[{"field":"email","problem":"blank"}]}"#,
    r#"{"type":"about:blank","title":"Too Many Requests","status":429,"detail":"Retry in 30 s","code":"header"}"#,
];

const JSON: &str = "application/json";
const PROBLEM_JSON: &str = "application/problem+json";

fn body<E: ApiError + ?Sized>(error: &E) -> String {
    serde_json::to_string(&Envelope::new(error)).expect("an envelope serializes")
}

fn body_in<E: ApiError + ?Sized, F: Format>(error: &E, format: F) -> String {
    serde_json::to_string(&Envelope::with_format(error, format)).expect("an envelope serializes")
}

/// Every header of `headers` as text, sorted, so that lists compare exactly.
fn header_list(headers: &HeaderMap) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = headers
        .iter()
        .map(|(name, value)| {
            let value = value.to_str().expect("errcat writes visible ASCII headers");
            (name.as_str().to_owned(), value.to_owned())
        })
        .collect();
    list.sort();
    list
}

fn pairs(expected: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut list: Vec<(String, String)> = expected
        .iter()
        .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
        .collect();
    list.sort();
    list
}

/// Asserts the whole response: status, headers (content type included) and
/// body.
fn assert_response(
    response: &Response<Vec<u8>>,
    status: u16,
    headers: &[(&str, &str)],
    body: &str,
) {
    assert_eq!(response.status().as_u16(), status);
    assert_eq!(header_list(response.headers()), pairs(headers), "{body}");
    assert_eq!(
        std::str::from_utf8(response.body()).expect("the body is UTF-8"),
        body
    );
}

/// Checks each sample of one shape: its body, the same body through
/// `with_format` of its own shape, and its whole response.
fn check_shape<E: ApiError, F: Format + Copy>(
    samples: &[E; 6],
    secret: fn(&E) -> Option<&str>,
    format: F,
    expected: [&str; 6],
    content_type: &str,
    shape_headers: &[(&str, &str)],
) {
    // The `Exposed` sample holds a private secret; the exact bodies and
    // header lists below show it nowhere.
    let secrets: Vec<&str> = samples.iter().filter_map(secret).collect();
    assert_eq!(secrets, ["hunter2"]);
    for (i, error) in samples.iter().enumerate() {
        assert_eq!(body(error), expected[i]);
        assert_eq!(body_in(error, format), expected[i]);
        let mut headers = vec![("content-type", content_type)];
        headers.extend_from_slice(shape_headers);
        // The header field is a response header, never a body member.
        if i == 5 {
            headers.push(("retry-after", "30"));
        }
        assert_response(
            &errcat::http_response(error),
            STATUSES[i],
            &headers,
            expected[i],
        );
        assert_response(
            &errcat::http_response_with(error, format),
            STATUSES[i],
            &headers,
            expected[i],
        );
    }
}

const OAUTH2_HEADERS: [(&str, &str); 2] = [("cache-control", "no-store"), ("pragma", "no-cache")];

#[test]
fn flat_shape() {
    check_shape(
        &FlatError::samples(),
        FlatError::secret,
        Flat,
        FLAT,
        JSON,
        &[],
    );
}

#[test]
fn nested_shape() {
    check_shape(
        &NestedError::samples(),
        NestedError::secret,
        Nested,
        NESTED,
        JSON,
        &[],
    );
}

#[test]
fn typed_shape() {
    check_shape(
        &TypedError::samples(),
        TypedError::secret,
        Typed,
        TYPED,
        JSON,
        &[],
    );
}

#[test]
fn described_shape() {
    check_shape(
        &DescribedError::samples(),
        DescribedError::secret,
        Described,
        DESCRIBED,
        JSON,
        &[],
    );
}

#[test]
fn oauth2_shape() {
    check_shape(
        &OAuth2Error::samples(),
        OAuth2Error::secret,
        OAuth2,
        OAUTH2,
        JSON,
        &OAUTH2_HEADERS,
    );
}

#[test]
fn problem_shape() {
    check_shape(
        &ProblemError::samples(),
        ProblemError::secret,
        Problem,
        PROBLEM,
        PROBLEM_JSON,
        &[],
    );
}

/// Any type in any shape: `with_format` and `http_response_with` ignore the
/// declared one.
#[test]
fn every_shape_through_with_format() {
    let samples = TypedError::samples();
    for (i, error) in samples.iter().enumerate() {
        // The codes are the same in every generated type, so the bodies are.
        assert_eq!(body_in(error, Flat), FLAT[i]);
        assert_eq!(body_in(error, Nested), NESTED[i]);
        assert_eq!(body_in(error, Typed), TYPED[i]);
        assert_eq!(body_in(error, Described), DESCRIBED[i]);
        assert_eq!(body_in(error, OAuth2), OAUTH2[i]);
        assert_eq!(body_in(error, Problem), PROBLEM[i]);
        let response = errcat::http_response_with(error, Problem);
        assert_eq!(response.headers()["content-type"], PROBLEM_JSON);
        let response = errcat::http_response_with(error, OAuth2);
        assert_eq!(response.headers()["content-type"], JSON);
        assert_eq!(response.headers()["cache-control"], "no-store");
        assert_eq!(response.headers()["pragma"], "no-cache");
    }
    for (i, error) in ProblemError::samples().iter().enumerate() {
        assert_eq!(body_in(error, Typed), TYPED[i]);
        let response = errcat::http_response_with(error, Typed);
        assert_eq!(response.headers()["content-type"], JSON);
        assert_eq!(response.body().as_slice(), TYPED[i].as_bytes());
    }
}

/// `format::Declared` is the shape `http_response` uses; passing it to
/// `http_response_with` must give the same response, content type included.
#[test]
fn http_response_with_declared_is_http_response() {
    fn check<E: ApiError>(samples: &[E]) {
        for error in samples {
            let declared = errcat::http_response(error);
            let with = errcat::http_response_with(error, Declared);
            assert_eq!(with.status(), declared.status());
            assert_eq!(header_list(with.headers()), header_list(declared.headers()));
            assert_eq!(with.body(), declared.body());
        }
    }
    check(&ProblemError::samples());
    check(&TypedError::samples());
    check(&FlatError::samples());
    check(&OAuth2Error::samples());
    check(&[VendorError::PaymentRequired {
        amount: 1,
        retry_after: 2,
    }]);
    // The first failing case, as exact values.
    let response = errcat::http_response_with(&TypedError::Unit, Declared);
    assert_eq!(response.headers()["content-type"], JSON);
}

/// Bodies and responses of `&dyn ApiError` and `Box<dyn ApiError + Send +
/// Sync>` are those of the concrete value.
#[test]
fn trait_objects_give_the_same_bodies_and_responses() {
    fn check<E: ApiError + Send + Sync + 'static>(concrete: [E; 6], boxed: [E; 6]) {
        for (concrete, boxed) in concrete.iter().zip(boxed) {
            let boxed: Box<dyn ApiError + Send + Sync> = Box::new(boxed);
            let by_ref: &dyn ApiError = concrete;
            let expected = body(concrete);
            assert_eq!(body(by_ref), expected);
            assert_eq!(body(&boxed), expected);
            assert_eq!(body(&*boxed), expected);
            assert_eq!(body_in(by_ref, Nested), body_in(concrete, Nested));
            assert_eq!(body_in(&boxed, Problem), body_in(concrete, Problem));
            assert_eq!(boxed.status(), concrete.status());
            assert_eq!(boxed.code(), concrete.code());
            assert_eq!(boxed.message().to_string(), concrete.message().to_string());
            let response = errcat::http_response(concrete);
            for other in [
                errcat::http_response(by_ref),
                errcat::http_response(&boxed),
                errcat::http_response(&*boxed),
            ] {
                assert_eq!(other.status(), response.status());
                assert_eq!(
                    header_list(other.headers()),
                    header_list(response.headers())
                );
                assert_eq!(other.body(), response.body());
            }
        }
    }
    check(FlatError::samples(), FlatError::samples());
    check(NestedError::samples(), NestedError::samples());
    check(TypedError::samples(), TypedError::samples());
    check(DescribedError::samples(), DescribedError::samples());
    check(OAuth2Error::samples(), OAuth2Error::samples());
    check(ProblemError::samples(), ProblemError::samples());
}

// Names that clash with a shape's own members.

/// `flat` writes exposed members under `details`, so it may expose every name
/// another shape writes itself.
#[derive(Debug, ApiError)]
#[api(format = "flat", rename_all = "snake_case")]
enum Clashing {
    #[api(status = 400, message = "Clash")]
    Clashing {
        #[api(expose)]
        r#type: &'static str,
        #[api(expose)]
        message: &'static str,
        #[api(expose)]
        status: &'static str,
        #[api(expose)]
        code: &'static str,
        #[api(expose)]
        error: &'static str,
        #[api(expose = "error_description")]
        description_of_error: &'static str,
        #[api(expose)]
        title: &'static str,
        #[api(expose)]
        detail: &'static str,
        #[api(expose)]
        description: &'static str,
        #[api(expose)]
        details: &'static str,
        #[api(expose)]
        status_code: &'static str,
        #[api(expose)]
        kept: u8,
    },
}

fn clashing() -> Clashing {
    Clashing::Clashing {
        r#type: "x-type",
        message: "x-message",
        status: "x-status",
        code: "x-code",
        error: "x-error",
        description_of_error: "x-error_description",
        title: "x-title",
        detail: "x-detail",
        description: "x-description",
        details: "x-details",
        status_code: "x-status_code",
        kept: 1,
    }
}

#[test]
fn clashing_members_are_skipped_never_written_twice() {
    let error = clashing();
    assert_eq!(
        body(&error),
        r#"{"message":"Clash","code":"clashing","details":{"type":"x-type","message":"x-message","status":"x-status","code":"x-code","error":"x-error","error_description":"x-error_description","title":"x-title","detail":"x-detail","description":"x-description","details":"x-details","status_code":"x-status_code","kept":1},"status_code":400}"#,
    );
    assert_eq!(
        body_in(&error, Nested),
        r#"{"error":{"status":400,"message":"Clash","code":"clashing","type":"x-type","error":"x-error","error_description":"x-error_description","title":"x-title","detail":"x-detail","description":"x-description","details":"x-details","status_code":"x-status_code","kept":1}}"#,
    );
    assert_eq!(
        body_in(&error, Typed),
        r#"{"type":"clashing","message":"Clash","status":"x-status","code":"x-code","error":"x-error","error_description":"x-error_description","title":"x-title","detail":"x-detail","description":"x-description","details":"x-details","status_code":"x-status_code","kept":1}"#,
    );
    assert_eq!(
        body_in(&error, Described),
        r#"{"message":"Bad Request","description":"Clash","type":"x-type","status":"x-status","code":"x-code","error":"x-error","error_description":"x-error_description","title":"x-title","detail":"x-detail","details":"x-details","status_code":"x-status_code","kept":1}"#,
    );
    assert_eq!(
        body_in(&error, OAuth2),
        r#"{"error":"clashing","error_description":"Clash","type":"x-type","message":"x-message","status":"x-status","code":"x-code","title":"x-title","detail":"x-detail","description":"x-description","details":"x-details","status_code":"x-status_code","kept":1}"#,
    );
    assert_eq!(
        body_in(&error, Problem),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Clash","code":"clashing","message":"x-message","error":"x-error","error_description":"x-error_description","description":"x-description","details":"x-details","status_code":"x-status_code","kept":1}"#,
    );
    let response = errcat::http_response_with(&error, Problem);
    assert_response(
        &response,
        400,
        &[("content-type", PROBLEM_JSON)],
        &body_in(&error, Problem),
    );
}

/// A raw identifier is exposed without its `r#`, here as the name `typed`
/// and `problem` write themselves.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum RawNames {
    #[api(status = 400)]
    Raw {
        #[api(expose)]
        r#type: &'static str,
        #[api(expose)]
        r#match: u8,
    },
}

#[test]
fn raw_identifiers_lose_their_prefix() {
    let error = RawNames::Raw {
        r#type: "card",
        r#match: 2,
    };
    assert_eq!(
        body(&error),
        r#"{"error":{"status":400,"message":"Bad Request","code":"Raw","type":"card","match":2}}"#,
    );
    assert_eq!(
        body_in(&error, Typed),
        r#"{"type":"Raw","message":"Bad Request","match":2}"#,
    );
    assert_eq!(
        body_in(&error, Problem),
        r#"{"type":"about:blank","title":"Bad Request","status":400,"detail":"Bad Request","code":"Raw","match":2}"#,
    );
    assert_eq!(
        body_in(&error, Flat),
        r#"{"message":"Bad Request","code":"Raw","details":{"type":"card","match":2},"status_code":400}"#,
    );
}

// The problem shape's `type`, and reason phrases.

#[derive(Debug, ApiError)]
#[api(type_base = "https://example.com/errors/")]
enum Billing {
    #[api(
        status = 403,
        code = "out_of_credit",
        message = "Your balance is {balance}, but that costs {cost}"
    )]
    OutOfCredit {
        #[api(expose)]
        balance: u32,
        #[api(expose)]
        cost: u32,
    },
}

#[test]
fn problem_type_is_type_base_and_code() {
    // `problem` is the default shape.
    let error = Billing::OutOfCredit {
        balance: 30,
        cost: 50,
    };
    let expected = r#"{"type":"https://example.com/errors/out_of_credit","title":"Forbidden","status":403,"detail":"Your balance is 30, but that costs 50","code":"out_of_credit","balance":30,"cost":50}"#;
    assert_eq!(body(&error), expected);
    assert_eq!(body_in(&error, Problem), expected);
    assert_response(
        &errcat::http_response(&error),
        403,
        &[("content-type", PROBLEM_JSON)],
        expected,
    );
    // Without a `type_base`, `about:blank`, also for `with_format(Problem)`.
    assert!(body_in(&TypedError::Unit, Problem).starts_with(r#"{"type":"about:blank","#));
}

#[derive(Debug, ApiError)]
#[api(format = "described")]
enum Unusual {
    #[api(status = 499)]
    ClientClosedRequest,
    #[api(status = 599)]
    NetworkTimeout,
    #[api(status = 418)]
    Teapot,
}

#[test]
fn reason_phrase_of_statuses_without_a_canonical_one() {
    assert_eq!(
        body(&Unusual::ClientClosedRequest),
        r#"{"message":"Client Error","description":"Client Error"}"#,
    );
    assert_eq!(
        body(&Unusual::NetworkTimeout),
        r#"{"message":"Server Error","description":"Server Error"}"#,
    );
    assert_eq!(
        body(&Unusual::Teapot),
        r#"{"message":"I'm a teapot","description":"I'm a teapot"}"#,
    );
    assert_eq!(
        body_in(&Unusual::ClientClosedRequest, Problem),
        r#"{"type":"about:blank","title":"Client Error","status":499,"detail":"Client Error","code":"ClientClosedRequest"}"#,
    );
    assert_eq!(
        body_in(&Unusual::NetworkTimeout, Nested),
        r#"{"error":{"status":599,"message":"Server Error","code":"NetworkTimeout"}}"#,
    );
    assert_response(
        &errcat::http_response(&Unusual::ClientClosedRequest),
        499,
        &[("content-type", JSON)],
        r#"{"message":"Client Error","description":"Client Error"}"#,
    );
}

// Headers.

#[derive(Debug, ApiError)]
#[api(format = "nested", challenge = "Bearer realm=\"api\"")]
enum AuthError {
    #[api(status = 401, message = "Sign in first")]
    Unauthenticated,
    #[api(status = 403, message = "Not yours")]
    Forbidden,
    #[api(status = 401, message = "Use a password")]
    PasswordRequired {
        #[api(header = "WWW-Authenticate")]
        challenge: &'static str,
    },
    #[api(status = 405, message = "{method} is not allowed")]
    MethodNotAllowed {
        method: &'static str,
        #[api(header = "Allow")]
        allow: &'static str,
    },
}

#[test]
fn challenge_of_a_401() {
    assert_response(
        &errcat::http_response(&AuthError::Unauthenticated),
        401,
        &[
            ("content-type", JSON),
            ("www-authenticate", "Bearer realm=\"api\""),
        ],
        r#"{"error":{"status":401,"message":"Sign in first","code":"Unauthenticated"}}"#,
    );
    // Only a 401 gets the challenge.
    assert_response(
        &errcat::http_response(&AuthError::Forbidden),
        403,
        &[("content-type", JSON)],
        r#"{"error":{"status":403,"message":"Not yours","code":"Forbidden"}}"#,
    );
}

#[test]
fn header_field_overrides_the_challenge() {
    let error = AuthError::PasswordRequired {
        challenge: "Basic realm=\"files\"",
    };
    let response = errcat::http_response(&error);
    assert_response(
        &response,
        401,
        &[
            ("content-type", JSON),
            ("www-authenticate", "Basic realm=\"files\""),
        ],
        r#"{"error":{"status":401,"message":"Use a password","code":"PasswordRequired"}}"#,
    );
    assert_eq!(
        response
            .headers()
            .get_all("www-authenticate")
            .iter()
            .count(),
        1
    );
}

#[test]
fn allow_header_of_a_405() {
    let error = AuthError::MethodNotAllowed {
        method: "DELETE",
        allow: "GET, HEAD",
    };
    assert_response(
        &errcat::http_response(&error),
        405,
        &[("content-type", JSON), ("allow", "GET, HEAD")],
        r#"{"error":{"status":405,"message":"DELETE is not allowed","code":"MethodNotAllowed"}}"#,
    );
}

#[derive(Debug, ApiError)]
#[api(format = "typed")]
enum Injected {
    #[api(status = 503, message = "Come back later")]
    Unavailable {
        #[api(header = "Retry-After")]
        retry_after: String,
        #[api(header = "X-Request-Id")]
        request_id: String,
    },
}

#[test]
fn header_values_with_line_breaks_are_dropped() {
    for bad in [
        "30\r\nSet-Cookie: session=stolen",
        "30\nSet-Cookie: session=stolen",
        "\r",
        "\n",
    ] {
        let error = Injected::Unavailable {
            retry_after: bad.to_owned(),
            request_id: "req-1".to_owned(),
        };
        assert_response(
            &errcat::http_response(&error),
            503,
            &[("content-type", JSON), ("x-request-id", "req-1")],
            r#"{"type":"Unavailable","message":"Come back later"}"#,
        );
        let error = Injected::Unavailable {
            retry_after: "30".to_owned(),
            request_id: bad.to_owned(),
        };
        assert_response(
            &errcat::http_response(&error),
            503,
            &[("content-type", JSON), ("retry-after", "30")],
            r#"{"type":"Unavailable","message":"Come back later"}"#,
        );
    }
}

// OAuth 2.0.

#[derive(Debug, ApiError)]
#[api(
    format = "oauth2",
    rename_all = "snake_case",
    challenge = "Bearer realm=\"example\""
)]
enum TokenError {
    #[api(
        status = 401,
        code = "invalid_token",
        message = "The access token expired"
    )]
    Expired,
    #[api(
        status = 400,
        code = "invalid_request",
        message = "Missing \"grant_type\""
    )]
    MissingGrantType,
    #[api(
        status = 401,
        code = "invalid_client",
        message = "Client {client} is unknown"
    )]
    UnknownClient {
        client: &'static str,
        #[api(header = "WWW-Authenticate")]
        challenge: &'static str,
    },
}

#[derive(Debug, ApiError)]
#[api(format = "oauth2", rename_all = "snake_case", challenge = "Bearer")]
enum BareChallenge {
    #[api(status = 401, message = "The token is \"bad\"")]
    InvalidToken,
}

const NO_STORE: [(&str, &str); 3] = [
    ("content-type", JSON),
    ("cache-control", "no-store"),
    ("pragma", "no-cache"),
];

#[test]
fn oauth2_challenge_gains_error_attributes() {
    let mut headers = NO_STORE.to_vec();
    headers.push((
        "www-authenticate",
        "Bearer realm=\"example\", error=\"invalid_token\", error_description=\"The access token expired\"",
    ));
    assert_response(
        &errcat::http_response(&TokenError::Expired),
        401,
        &headers,
        r#"{"error":"invalid_token","error_description":"The access token expired"}"#,
    );

    let mut headers = NO_STORE.to_vec();
    headers.push((
        "www-authenticate",
        "Bearer error=\"invalid_token\", error_description=\"The token is 'bad'\"",
    ));
    assert_response(
        &errcat::http_response(&BareChallenge::InvalidToken),
        401,
        &headers,
        r#"{"error":"invalid_token","error_description":"The token is 'bad'"}"#,
    );

    // A header field's challenge gains them too.
    let error = TokenError::UnknownClient {
        client: "c-9",
        challenge: "Basic realm=\"token\"",
    };
    let mut headers = NO_STORE.to_vec();
    headers.push((
        "www-authenticate",
        "Basic realm=\"token\", error=\"invalid_client\", error_description=\"Client c-9 is unknown\"",
    ));
    assert_response(
        &errcat::http_response(&error),
        401,
        &headers,
        r#"{"error":"invalid_client","error_description":"Client c-9 is unknown"}"#,
    );
}

#[test]
fn oauth2_responses_are_not_cached() {
    assert_response(
        &errcat::http_response(&TokenError::MissingGrantType),
        400,
        &NO_STORE,
        r#"{"error":"invalid_request","error_description":"Missing 'grant_type'"}"#,
    );
    // Under `http_response_with(OAuth2)` of a type in another shape too, and
    // its challenge gains the attributes.
    let mut headers = NO_STORE.to_vec();
    headers.push((
        "www-authenticate",
        "Bearer realm=\"api\", error=\"Unauthenticated\", error_description=\"Sign in first\"",
    ));
    assert_response(
        &errcat::http_response_with(&AuthError::Unauthenticated, OAuth2),
        401,
        &headers,
        r#"{"error":"Unauthenticated","error_description":"Sign in first"}"#,
    );
}

// Transparent variants.

#[derive(Debug, ApiError)]
#[api(format = "problem", type_base = "https://errors.example/")]
enum InnerError {
    #[api(
        status = 429,
        code = "slow_down",
        message = "Retry in {seconds} s",
        details = "At most {limit} a minute"
    )]
    SlowDown {
        #[api(header = "Retry-After")]
        seconds: u32,
        limit: u32,
    },
    #[api(status = 404, message = "No {kind} {id}")]
    Missing {
        #[api(expose)]
        kind: &'static str,
        #[api(expose)]
        id: u64,
        #[api(details)]
        hint: &'static str,
    },
}

#[derive(Debug, ApiError)]
#[api(format = "typed")]
enum OuterError {
    #[api(transparent)]
    Inner(InnerError),
    #[api(status = 400)]
    Own,
}

#[test]
fn transparent_variant_takes_everything_from_its_field() {
    let error = OuterError::Inner(InnerError::SlowDown {
        seconds: 30,
        limit: 100,
    });
    // The outer type's shape, the inner error's code, message and details.
    let expected =
        r#"{"type":"slow_down","message":"Retry in 30 s","details":"At most 100 a minute"}"#;
    assert_eq!(body(&error), expected);
    assert_response(
        &errcat::http_response(&error),
        429,
        &[("content-type", JSON), ("retry-after", "30")],
        expected,
    );

    let error = OuterError::Inner(InnerError::Missing {
        kind: "book",
        id: 7,
        hint: "Search first",
    });
    let expected =
        r#"{"type":"Missing","message":"No book 7","kind":"book","id":7,"details":"Search first"}"#;
    assert_eq!(body(&error), expected);
    assert_eq!(
        body_in(&error, Flat),
        r#"{"message":"No book 7","code":"Missing","details":"Search first","status_code":404}"#,
    );
    assert_response(
        &errcat::http_response(&error),
        404,
        &[("content-type", JSON)],
        expected,
    );
    assert_eq!(
        body(&OuterError::Own),
        r#"{"type":"Own","message":"Bad Request"}"#
    );
}

// Custom shapes.

/// Google's AIP-193 errors:
/// `{"error":{"code":S,"status":STATUS,"message":M,"details":[ErrorInfo]}}`,
/// the exposed members as the `ErrorInfo`'s metadata.
#[derive(Clone, Copy)]
struct Aip193;

/// The `google.rpc.Code` name of an HTTP status.
fn rpc_status(status: StatusCode) -> &'static str {
    match status.as_u16() {
        400 => "INVALID_ARGUMENT",
        401 => "UNAUTHENTICATED",
        403 => "PERMISSION_DENIED",
        404 => "NOT_FOUND",
        409 => "ALREADY_EXISTS",
        429 => "RESOURCE_EXHAUSTED",
        499 => "CANCELLED",
        501 => "UNIMPLEMENTED",
        503 => "UNAVAILABLE",
        504 => "DEADLINE_EXCEEDED",
        500..=599 => "INTERNAL",
        _ => "UNKNOWN",
    }
}

impl Format for Aip193 {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        struct Status<'a>(&'a dyn ApiError);
        struct Details<'a>(&'a dyn ApiError);
        struct ErrorInfo<'a>(&'a dyn ApiError);

        impl Serialize for Status<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(4))?;
                map.serialize_entry("code", &self.0.status().as_u16())?;
                map.serialize_entry("status", rpc_status(self.0.status()))?;
                map.serialize_entry("message", &Text(self.0.message()))?;
                map.serialize_entry("details", &Details(self.0))?;
                map.end()
            }
        }

        impl Serialize for Details<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq([ErrorInfo(self.0)])
            }
        }

        impl Serialize for ErrorInfo<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("@type", "type.googleapis.com/google.rpc.ErrorInfo")?;
                map.serialize_entry("reason", self.0.code())?;
                map.serialize_entry("metadata", &Members::new(self.0))?;
                map.end()
            }
        }

        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &Status(error))?;
        map.end()
    }
}

#[derive(Debug, ApiError)]
#[api(format = Aip193, rename_all = "SCREAMING_SNAKE_CASE")]
enum LibraryError {
    #[api(status = 409, message = "{resource} {id} already exists")]
    ResourceExists {
        #[api(expose)]
        resource: &'static str,
        #[api(expose)]
        id: u64,
        #[api(header = "X-Request-Id")]
        request_id: &'static str,
    },
    #[api(status = 503)]
    Maintenance,
}

#[test]
fn aip_193_shape_declared_by_path() {
    let error = LibraryError::ResourceExists {
        resource: "Book",
        id: 7,
        request_id: "r-7",
    };
    let expected = r#"{"error":{"code":409,"status":"ALREADY_EXISTS","message":"Book 7 already exists","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"RESOURCE_EXISTS","metadata":{"resource":"Book","id":7}}]}}"#;
    assert_eq!(body(&error), expected);
    assert_eq!(body_in(&error, Aip193), expected);
    assert_response(
        &errcat::http_response(&error),
        409,
        &[("content-type", JSON), ("x-request-id", "r-7")],
        expected,
    );
    let by_ref: &dyn ApiError = &error;
    assert_eq!(body(by_ref), expected);
    assert_eq!(
        body(&LibraryError::Maintenance),
        r#"{"error":{"code":503,"status":"UNAVAILABLE","message":"Service Unavailable","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"MAINTENANCE","metadata":{}}]}}"#,
    );
    // The type's custom shape, with another one for a call.
    assert_eq!(
        body_in(&error, Typed),
        r#"{"type":"RESOURCE_EXISTS","message":"Book 7 already exists","resource":"Book","id":7}"#,
    );
}

#[test]
fn aip_193_shape_through_with_format() {
    let [_, _, exposed, ..] = NestedError::samples();
    let expected = r#"{"error":{"code":422,"status":"UNKNOWN","message":"Invalid user Zoë","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"exposed","metadata":{"id":42,"user_name":"Zoë","ref":"r-1","owner":{"login":"root","id":1},"note":null}}]}}"#;
    assert_eq!(body_in(&exposed, Aip193), expected);
    let boxed: Box<dyn ApiError + Send + Sync> = Box::new(exposed);
    assert_eq!(body_in(&boxed, Aip193), expected);
    assert_response(
        &errcat::http_response_with(&boxed, Aip193),
        422,
        &[("content-type", JSON)],
        expected,
    );
    assert_response(
        &errcat::http_response_with(&clashing(), Aip193),
        400,
        &[("content-type", JSON)],
        r#"{"error":{"code":400,"status":"INVALID_ARGUMENT","message":"Clash","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"clashing","metadata":{"type":"x-type","message":"x-message","status":"x-status","code":"x-code","error":"x-error","error_description":"x-error_description","title":"x-title","detail":"x-detail","description":"x-description","details":"x-details","status_code":"x-status_code","kept":1}}]}}"#,
    );
}

/// A custom shape with its own content type and header.
struct Vendor;

impl Format for Vendor {
    fn content_type(&self, _: &dyn ApiError) -> &'static str {
        "application/vnd.example.error+json"
    }

    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("code", error.code())?;
        Members::new(error)
            .skipping(&["code"])
            .with_details()
            .serialize_into(&mut map)?;
        map.end()
    }

    fn headers(&self, error: &dyn ApiError, headers: &mut HeaderMap) {
        headers.insert("x-error-code", http::HeaderValue::from_static(error.code()));
    }
}

#[derive(Debug, ApiError)]
#[api(format = Vendor)]
enum VendorError {
    #[api(status = 402, details = "Top up {amount}")]
    PaymentRequired {
        amount: u32,
        #[api(header = "Retry-After")]
        retry_after: u32,
    },
}

#[test]
fn custom_shape_content_type_and_headers() {
    let error = VendorError::PaymentRequired {
        amount: 5,
        retry_after: 60,
    };
    let headers = [
        ("content-type", "application/vnd.example.error+json"),
        ("retry-after", "60"),
        ("x-error-code", "PaymentRequired"),
    ];
    let expected = r#"{"code":"PaymentRequired","details":"Top up 5"}"#;
    assert_response(&errcat::http_response(&error), 402, &headers, expected);
    assert_response(
        &errcat::http_response_with(&error, Vendor),
        402,
        &headers,
        expected,
    );
    let by_ref: &dyn ApiError = &error;
    assert_response(&errcat::http_response(by_ref), 402, &headers, expected);
    assert_response(
        &errcat::http_response_with(&error, Nested),
        402,
        &[("content-type", JSON), ("retry-after", "60")],
        r#"{"error":{"status":402,"message":"Payment Required","code":"PaymentRequired","details":"Top up 5"}}"#,
    );
}

// A member whose `Serialize` fails.

/// Serializes as an error, as a map with non-string keys would in JSON.
#[derive(Debug)]
struct Unserializable;

impl Serialize for Unserializable {
    fn serialize<S: Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        Err(serde::ser::Error::custom("cannot serialize"))
    }
}

#[derive(Debug, ApiError)]
#[api(format = "typed")]
enum Broken {
    #[api(status = 500, message = "Failed at step {step}")]
    Member {
        step: u8,
        #[api(expose)]
        id: u32,
        #[api(expose)]
        state: Unserializable,
        #[api(header = "Retry-After")]
        retry_after: u32,
    },
    #[api(status = 500)]
    Details {
        #[api(details)]
        state: Unserializable,
    },
}

#[test]
fn failing_member_leaves_the_members_out_of_the_response() {
    let error = Broken::Member {
        step: 3,
        id: 9,
        state: Unserializable,
        retry_after: 5,
    };
    assert!(serde_json::to_string(&Envelope::new(&error)).is_err());
    assert_response(
        &errcat::http_response(&error),
        500,
        &[("content-type", JSON), ("retry-after", "5")],
        r#"{"type":"Member","message":"Failed at step 3"}"#,
    );
    assert_response(
        &errcat::http_response_with(&error, Flat),
        500,
        &[("content-type", JSON), ("retry-after", "5")],
        r#"{"message":"Failed at step 3","code":"Member","status_code":500}"#,
    );
    let error = Broken::Details {
        state: Unserializable,
    };
    assert_response(
        &errcat::http_response_with(&error, Flat),
        500,
        &[("content-type", JSON)],
        r#"{"message":"Internal Server Error","code":"Details","status_code":500}"#,
    );
    assert_response(
        &errcat::http_response_with(&error, Problem),
        500,
        &[("content-type", PROBLEM_JSON)],
        r#"{"type":"about:blank","title":"Internal Server Error","status":500,"detail":"Internal Server Error","code":"Details"}"#,
    );
}
