//! An error written by hand: a `static` row and `Describe`, and everything a
//! derived error gets follows from them.

use errcat::http::StatusCode;
use errcat::{ApiError, Describe, Envelope, ErrorEntry, format};

#[derive(Debug)]
struct UpstreamTimeout {
    service: String,
}

static UPSTREAM_TIMEOUT: ErrorEntry = ErrorEntry::new(
    "UpstreamTimeout",
    StatusCode::GATEWAY_TIMEOUT,
    "upstream_timeout",
    "{service} did not answer in time",
)
.with_description("The upstream service did not answer in time.");

impl Describe for UpstreamTimeout {
    fn describe(&self) -> &'static ErrorEntry {
        &UPSTREAM_TIMEOUT
    }

    fn write_message(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} did not answer in time", self.service)
    }
}

/// Only a row: the message is the row's.
struct PayloadTooLarge;

static PAYLOAD_TOO_LARGE: ErrorEntry = ErrorEntry::new(
    "PayloadTooLarge",
    StatusCode::PAYLOAD_TOO_LARGE,
    "payload_too_large",
    "The request body is too large",
);

impl Describe for PayloadTooLarge {
    fn describe(&self) -> &'static ErrorEntry {
        &PAYLOAD_TOO_LARGE
    }
}

#[test]
fn status_code_and_message_come_from_the_row_and_the_writer() {
    let error = UpstreamTimeout {
        service: "billing \"eu\"\r\n".to_owned(),
    };
    assert_eq!(error.status(), StatusCode::GATEWAY_TIMEOUT);
    assert_eq!(error.code(), "upstream_timeout");
    assert!(std::ptr::eq(error.entry(), &UPSTREAM_TIMEOUT));
    assert_eq!(
        error.message().to_string(),
        "billing \"eu\"\r\n did not answer in time"
    );
    assert_eq!(
        error.entry().description,
        "The upstream service did not answer in time."
    );
    assert_eq!(
        PayloadTooLarge.message().to_string(),
        "The request body is too large"
    );
}

#[test]
fn responses_are_written_like_those_of_derived_errors() {
    let response = errcat::http_response(&PayloadTooLarge);
    assert_eq!(response.status(), 413);
    assert_eq!(response.headers().len(), 1);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(
        response.body(),
        br#"{"type":"about:blank","title":"Payload Too Large","status":413,"detail":"The request body is too large","code":"payload_too_large"}"#
    );

    let boxed: Box<dyn ApiError + Send + Sync> = Box::new(UpstreamTimeout {
        service: "billing".to_owned(),
    });
    let body = serde_json::to_string(&Envelope::with_format(&boxed, format::Nested)).unwrap();
    assert_eq!(
        body,
        r#"{"error":{"status":504,"message":"billing did not answer in time","code":"upstream_timeout"}}"#
    );
    let response = errcat::http_response_with(&*boxed, format::OAuth2);
    assert_eq!(
        response.body(),
        br#"{"error":"upstream_timeout","error_description":"billing did not answer in time"}"#
    );
}

#[test]
#[should_panic(expected = "errcat: a code must be non-empty and use only `A-Z a-z 0-9 - . _ ~`")]
fn a_row_built_at_run_time_with_a_bad_code_panics_with_the_rule() {
    let code = String::from("bad code").leak();
    let _ = ErrorEntry::new("Bad", StatusCode::BAD_REQUEST, code, "");
}

#[test]
#[should_panic(expected = "errcat: an error's status must be in 400–599")]
fn a_row_with_a_success_status_panics_with_the_rule() {
    let _ = ErrorEntry::new("Fine", StatusCode::OK, "fine", "");
}

/// The `typed` format under another content type.
struct WithContentType(&'static str);

impl format::Format for WithContentType {
    fn content_type(&self, _: &dyn ApiError) -> &'static str {
        self.0
    }

    fn serialize<S: serde::Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        format::Typed.serialize(error, serializer)
    }
}

#[test]
fn content_types_that_are_no_header_text_are_left_out_without_a_panic() {
    let injected = WithContentType("application/json\r\nX-Injected: 1");
    let response = errcat::http_response_with(&PayloadTooLarge, injected);
    assert!(response.headers().get("content-type").is_none());
    assert!(response.headers().get("x-injected").is_none());
    // Text beyond ASCII is valid header text (obs-text).
    let latin = WithContentType("application/json; charset=\"é\"");
    let response = errcat::http_response_with(&PayloadTooLarge, latin);
    assert_eq!(
        response.headers()["content-type"].as_bytes(),
        "application/json; charset=\"é\"".as_bytes()
    );
}

/// A header field's `Display` that writes a lot, counting what it was asked
/// to write.
struct Huge {
    pieces: std::sync::atomic::AtomicUsize,
    size: usize,
}

impl std::fmt::Display for Huge {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for _ in 0..self.size / 64 {
            self.pieces
                .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            f.write_str(&"a".repeat(64))?;
        }
        Ok(())
    }
}

#[derive(errcat::ApiError)]
#[api(status = 429, format = "typed")]
struct Throttled {
    #[api(header = "X-Reason")]
    reason: Huge,
}

#[test]
fn a_header_field_past_the_limit_is_left_out_and_stops_its_display() {
    let huge = |size| Throttled {
        reason: Huge {
            pieces: std::sync::atomic::AtomicUsize::new(0),
            size,
        },
    };
    let fits = huge(errcat::HEADER_FIELD_LIMIT);
    let response = errcat::http_response(&fits);
    assert_eq!(
        response.headers()["x-reason"].len(),
        errcat::HEADER_FIELD_LIMIT
    );

    let error = huge(1 << 20);
    let response = errcat::http_response(&error);
    assert!(response.headers().get("x-reason").is_none());
    assert_eq!(response.status(), 429);
    assert_eq!(
        response.body(),
        br#"{"type":"Throttled","message":"Too Many Requests"}"#
    );
    // Formatting stopped at the limit, not after 1 MB.
    let pieces = error
        .reason
        .pieces
        .load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(pieces, errcat::HEADER_FIELD_LIMIT / 64 + 1);
}
