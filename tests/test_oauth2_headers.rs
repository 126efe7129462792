//! The `WWW-Authenticate` challenge of a 401 in the `oauth2` shape: RFC 6750
//! `error` and `error_description` attributes added once each, and a failing
//! `Display` that never panics.

use std::fmt;

use errcat::ApiError;
use http::Response;

/// The `WWW-Authenticate` values of a response, as text.
fn challenges(response: &Response<Vec<u8>>) -> Vec<&str> {
    response
        .headers()
        .get_all("www-authenticate")
        .iter()
        .map(|value| value.to_str().expect("the challenge is visible ASCII"))
        .collect()
}

/// The single `WWW-Authenticate` value of a response.
fn challenge(response: &Response<Vec<u8>>) -> &str {
    match challenges(response).as_slice() {
        [value] => value,
        other => panic!("expected one WWW-Authenticate value, got {other:?}"),
    }
}

fn body(response: &Response<Vec<u8>>) -> &str {
    std::str::from_utf8(response.body()).expect("the body is UTF-8")
}

/// A `Display` that writes some text, then fails although its formatter did
/// not (which breaks `Display`'s contract).
#[derive(Debug)]
struct Broken;

impl fmt::Display for Broken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("half")?;
        Err(fmt::Error)
    }
}

/// A 401 whose message holds a field whose `Display` fails.
#[derive(Debug, ApiError)]
#[api(format = "oauth2", challenge = "Bearer realm=\"example\"")]
#[api(
    status = 401,
    code = "invalid_token",
    message = "Token {token} was rejected"
)]
struct Rejected {
    token: Broken,
}

/// A 401 whose challenge is a header field.
#[derive(Debug, ApiError)]
#[api(format = "oauth2")]
#[api(
    status = 401,
    code = "invalid_token",
    message = "The access token expired"
)]
struct Challenged {
    #[api(header = "WWW-Authenticate")]
    challenge: &'static str,
}

#[derive(Debug, ApiError)]
#[api(
    format = "oauth2",
    challenge = "Bearer realm=\"example\", error=\"invalid_token\""
)]
enum DeclaredWithError {
    #[api(status = 401, code = "invalid_token", message = "Token expired")]
    Expired,
}

#[test]
fn failing_display_ends_the_description_instead_of_panicking() {
    let response = errcat::http_response(&Rejected { token: Broken });
    assert_eq!(response.status(), 401);
    assert_eq!(
        challenge(&response),
        r#"Bearer realm="example", error="invalid_token", error_description="Token half""#,
    );
    // The body ends the text at the same place.
    assert_eq!(
        body(&response),
        r#"{"error":"invalid_token","error_description":"Token half"}"#,
    );
}

#[test]
fn attributes_already_in_a_header_field_are_not_repeated() {
    let cases = [
        // `error` already there: only the description is added.
        (
            r#"Bearer realm="example", error="invalid_token""#,
            r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#,
        ),
        // Names are case-insensitive.
        (
            r#"Bearer realm="example", ERROR="invalid_token""#,
            r#"Bearer realm="example", ERROR="invalid_token", error_description="The access token expired""#,
        ),
        // `error_description` already there: only `error` is added.
        (
            r#"Bearer error_description="Expired""#,
            r#"Bearer error_description="Expired", error="invalid_token""#,
        ),
        // Both there, with a token value and spaces around `=`: unchanged.
        (
            r#"Bearer error = invalid_token, Error_Description="Expired""#,
            r#"Bearer error = invalid_token, Error_Description="Expired""#,
        ),
        // `error` inside a quoted value, with a comma and `\"`, is no
        // attribute.
        (
            r#"Bearer realm="a, error=\"x\"", scope="s""#,
            r#"Bearer realm="a, error=\"x\"", scope="s", error="invalid_token", error_description="The access token expired""#,
        ),
        // Nor is a name that only starts with `error`.
        (
            r#"Bearer errors="x""#,
            r#"Bearer errors="x", error="invalid_token", error_description="The access token expired""#,
        ),
        // Only the last challenge, which gains the attributes, counts.
        (
            r#"Basic error="x", Bearer realm="api""#,
            r#"Basic error="x", Bearer realm="api", error="invalid_token", error_description="The access token expired""#,
        ),
        (
            r#"Basic realm="files", Bearer"#,
            r#"Basic realm="files", Bearer error="invalid_token", error_description="The access token expired""#,
        ),
        // A token68 takes no attributes, and a value that cannot be read
        // is not guessed at: both are left as they are.
        ("Basic dXNlcjpwYXNz", "Basic dXNlcjpwYXNz"),
        (
            r#"Bearer realm="unterminated"#,
            r#"Bearer realm="unterminated"#,
        ),
    ];
    for (field, expected) in cases {
        let response = errcat::http_response(&Challenged { challenge: field });
        assert_eq!(challenge(&response), expected, "for {field}");
    }
}

#[test]
fn attributes_already_in_the_declared_challenge_are_not_repeated() {
    let response = errcat::http_response(&DeclaredWithError::Expired);
    assert_eq!(
        challenge(&response),
        r#"Bearer realm="example", error="invalid_token", error_description="Token expired""#,
    );
}
