//! The `WWW-Authenticate` challenge of a 401 in the `oauth2` shape: a failing
//! `Display` never panics.

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
