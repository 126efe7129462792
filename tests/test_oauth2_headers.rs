//! The `WWW-Authenticate` challenge of a 401 in the `oauth2` shape: RFC 6750
//! `error` and `error_description` attributes added once each, a description
//! capped in length, text that is always valid header text, and a failing
//! `Display` that never panics.

use std::cell::Cell;
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

/// A 401 whose message is any text.
#[derive(Debug, ApiError)]
#[api(format = "oauth2", challenge = "Bearer realm=\"example\"")]
#[api(status = 401, code = "invalid_token", message = "{text}")]
struct Described {
    text: String,
}

/// A `Display` that writes `CHUNKS` chunks of `CHUNK` bytes, stopping when
/// told to, and counts the chunks it wrote.
#[derive(Debug, Default)]
struct Chunked {
    written: Cell<usize>,
}

const CHUNK: usize = 100;
const CHUNKS: usize = 10_000;

impl fmt::Display for Chunked {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let chunk = "c".repeat(CHUNK);
        for _ in 0..CHUNKS {
            f.write_str(&chunk)?;
            self.written.set(self.written.get() + 1);
        }
        Ok(())
    }
}

/// A 401 whose message is written in many chunks.
#[derive(Debug, ApiError)]
#[api(format = "oauth2", challenge = "Bearer realm=\"example\"")]
#[api(status = 401, code = "invalid_token", message = "{chunked}")]
struct Long {
    chunked: Chunked,
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

/// At most the first 200 bytes of `text`, for failure messages.
fn shortened(text: &str) -> &str {
    let mut end = text.len().min(200);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The fixed parts around the description in the header of `Described`.
const PREFIX: &str = r#"Bearer realm="example", error="invalid_token", error_description=""#;

/// The most description bytes the header carries.
const CAP: usize = 1024;

/// The description in the header for a message of `text`.
fn description_of(text: String) -> String {
    let length = text.chars().count();
    let response = errcat::http_response(&Described { text });
    let header = challenge(&response).to_owned();
    assert!(
        header.len() <= PREFIX.len() + CAP + 1,
        "{} bytes",
        header.len()
    );
    let description = header
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix('"'))
        .unwrap_or_else(|| panic!("unexpected header {}", shortened(&header)))
        .to_owned();
    // The body keeps the whole message: each character is at least a byte.
    assert!(body(&response).len() >= length, "the body is cut");
    description
}

#[test]
fn a_megabyte_message_gives_a_capped_header() {
    let megabyte = 1 << 20;
    let response = errcat::http_response(&Described {
        text: "x".repeat(megabyte),
    });
    let header = challenge(&response);
    let expected = format!("{PREFIX}{}\"", "x".repeat(CAP));
    assert!(
        header == expected,
        "{} bytes: {}",
        header.len(),
        shortened(header)
    );
    // The body keeps the whole message.
    let expected = format!(
        r#"{{"error":"invalid_token","error_description":"{}"}}"#,
        "x".repeat(megabyte)
    );
    assert!(
        body(&response) == expected,
        "{}",
        shortened(body(&response))
    );
}

#[test]
fn the_header_stops_the_message_at_the_cap() {
    let error = Long {
        chunked: Chunked::default(),
    };
    let response = errcat::http_response(&error);
    let description = challenge(&response)
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix('"'))
        .expect("the challenge ends with the description");
    assert_eq!(description, "c".repeat(CAP));
    // The body took every chunk; the header only those up to the cap.
    assert_eq!(
        body(&response).len(),
        r#"{"error":"invalid_token","error_description":""}"#.len() + CHUNK * CHUNKS
    );
    assert_eq!(error.chunked.written.get(), CHUNKS + CAP / CHUNK);
}

#[test]
fn the_cap_counts_replaced_text_and_cuts_on_a_character_boundary() {
    // Two-byte letters lose their accents: 1024 one-byte letters fit.
    let description = description_of("é".repeat(100_000));
    assert_eq!(description, "e".repeat(CAP));
    // Three-byte characters become `?`.
    let description = description_of("中".repeat(100_000));
    assert_eq!(description, "?".repeat(CAP));
    // `…` becomes `...`; the last one is cut to fit.
    let description = description_of("…".repeat(100_000));
    assert_eq!(description, ".".repeat(CAP));
    // A message just under, at and just over the cap.
    for length in [CAP - 1, CAP, CAP + 1] {
        let description = description_of("y".repeat(length));
        assert_eq!(description, "y".repeat(length.min(CAP)));
    }
    // Mixed widths across the cut.
    let text = format!("{}ab€cd", "z".repeat(CAP - 3));
    let description = description_of(text);
    assert_eq!(description, format!("{}ab?", "z".repeat(CAP - 3)));
}

#[test]
fn hostile_text_gives_a_valid_header_without_line_breaks() {
    let texts = [
        "line one\r\nSet-Cookie: session=stolen",
        "a \"quoted\" \\ back\\slash\", error=\"forged",
        "nul\0 bell\x07 escape\x1b[31m delete\x7f tab\t",
        "naïve café — “smart” ‘quotes’ … 日本語 🎉 \u{2028}\u{85}",
        "\r\r\n\n",
        "",
    ];
    for text in texts {
        let response = errcat::http_response(&Described {
            text: text.to_owned(),
        });
        let header = response.headers()["www-authenticate"].as_bytes();
        assert!(
            header.iter().all(|&b| b == b' ' || b.is_ascii_graphic()),
            "{text:?} gives {:?}",
            String::from_utf8_lossy(header),
        );
        let header = challenge(&response);
        let description = header
            .strip_prefix(PREFIX)
            .and_then(|rest| rest.strip_suffix('"'))
            .unwrap_or_else(|| panic!("{text:?} gives {header:?}"));
        assert!(
            !description.contains(['"', '\\']),
            "{text:?} gives {header:?}"
        );
        // Each attribute once: the forged `error` stays inside the quotes.
        assert_eq!(header.matches("error=\"").count(), 1, "{header:?}");
    }
    let response = errcat::http_response(&Described {
        text: texts[0].to_owned(),
    });
    assert_eq!(
        challenge(&response),
        format!("{PREFIX}line one  Set-Cookie: session=stolen\""),
    );
    let response = errcat::http_response(&Described {
        text: texts[3].to_owned(),
    });
    assert_eq!(
        challenge(&response),
        format!("{PREFIX}naive cafe - 'smart' 'quotes' ... ??? ? ??\""),
    );
}
