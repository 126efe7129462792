//! The code users write by hand for the same errors: an enum with
//! thiserror's `Display`, one `match` into the pieces of a body, a
//! `#[derive(Serialize)]` struct per wire format, the handler that turns it
//! into an `http::Response`, and a byte writer for those who skip serde.

use std::borrow::Cow;
use std::fmt::{self, Write as _};

use errcat::ValidationErrors;
use http::header::{CACHE_CONTROL, CONTENT_TYPE, HeaderValue, PRAGMA};
use http::{HeaderMap, Response, StatusCode};
use serde::Serialize;

/// The errors, as users declare them without errcat.
#[derive(Debug, thiserror::Error)]
pub enum Hand {
    #[error("This email is already in use, please try another one.")]
    EmailAlreadyExists,
    #[error("Couldn't find {model} with id {id}")]
    NotFound { model: &'static str, id: u64 },
    #[error("Your current balance is {balance}, but that costs {cost}.")]
    OutOfCredit { balance: u64, cost: u64 },
    #[error("{errors}")]
    ValidationFailed { errors: ValidationErrors },
}

impl Hand {
    /// One error of each kind, with the values errcat's are given.
    pub fn all() -> [Self; 4] {
        [
            Hand::EmailAlreadyExists,
            Hand::NotFound {
                model: "Order",
                id: 232_323,
            },
            Hand::OutOfCredit {
                balance: 30,
                cost: 50,
            },
            Hand::ValidationFailed {
                errors: super::errcat::validation_errors(),
            },
        ]
    }
}

/// What every format's body is made of.
pub struct Parts<'a> {
    pub status: StatusCode,
    pub code: &'static str,
    pub title: &'static str,
    pub type_url: &'static str,
    pub message: Cow<'static, str>,
    pub members: Members<'a>,
}

/// The members a variant exposes, flattened into the body.
#[derive(Serialize)]
#[serde(untagged)]
pub enum Members<'a> {
    None {},
    Credit { balance: u64, cost: u64 },
    Errors { errors: &'a ValidationErrors },
}

impl Members<'_> {
    fn is_none(&self) -> bool {
        matches!(self, Members::None {})
    }
}

/// The one `match` of a hand-written error type.
pub fn parts(error: &Hand) -> Parts<'_> {
    match error {
        Hand::EmailAlreadyExists => Parts {
            status: StatusCode::CONFLICT,
            code: "email_already_exists",
            title: "Conflict",
            type_url: "https://example.com/errors/email_already_exists",
            message: Cow::Borrowed("This email is already in use, please try another one."),
            members: Members::None {},
        },
        Hand::NotFound { model, id } => Parts {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            title: "Not Found",
            type_url: "https://example.com/errors/not_found",
            message: Cow::Owned(format!("Couldn't find {model} with id {id}")),
            members: Members::None {},
        },
        Hand::OutOfCredit { balance, cost } => Parts {
            status: StatusCode::FORBIDDEN,
            code: "out_of_credit",
            title: "Forbidden",
            type_url: "https://example.com/errors/out_of_credit",
            message: Cow::Owned(format!(
                "Your current balance is {balance}, but that costs {cost}."
            )),
            members: Members::Credit {
                balance: *balance,
                cost: *cost,
            },
        },
        Hand::ValidationFailed { errors } => Parts {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            code: "validation_failed",
            title: "Unprocessable Entity",
            type_url: "https://example.com/errors/validation_failed",
            message: Cow::Owned(format!("{errors}")),
            members: Members::Errors { errors },
        },
    }
}

/// One wire format, written by hand: its serde body struct, its response
/// headers and its byte writer.
pub trait Shape {
    const CONTENT_TYPE: &'static str = "application/json";

    /// The body through its `#[derive(Serialize)]` struct.
    fn serde(parts: &Parts<'_>, buf: &mut Vec<u8>);

    /// The body written byte by byte.
    fn write(error: &Hand, buf: &mut Vec<u8>);

    /// Headers the format requires beyond the content type.
    fn headers(_: &mut HeaderMap) {}

    /// Another crate's way to this format's body, if one is measured.
    const PEER: Option<fn(&Hand, &mut Vec<u8>)> = None;
}

/// The hand-written `impl IntoResponse`: the serde body in an
/// `http::Response`.
pub fn handler<S: Shape>(error: &Hand) -> Response<Vec<u8>> {
    let parts = parts(error);
    let mut body = Vec::with_capacity(128);
    S::serde(&parts, &mut body);
    let mut response = Response::new(body);
    *response.status_mut() = parts.status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(S::CONTENT_TYPE));
    S::headers(headers);
    response
}

/// A bare `http::Response` of constant bytes, the least a framework's
/// handler can do.
pub fn bare<S: Shape>(status: StatusCode, body: &'static str) -> Response<Vec<u8>> {
    let mut response = Response::new(body.as_bytes().to_vec());
    *response.status_mut() = status;
    let headers = response.headers_mut();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static(S::CONTENT_TYPE));
    S::headers(headers);
    response
}

fn to_writer(buf: &mut Vec<u8>, body: &impl Serialize) {
    serde_json::to_writer(buf, body).expect("a body of strings and numbers serializes");
}

pub struct Flat;
pub struct Nested;
pub struct Typed;
pub struct Described;
pub struct OAuth2;
pub struct Problem;

impl Shape for Flat {
    fn serde(parts: &Parts<'_>, buf: &mut Vec<u8>) {
        #[derive(Serialize)]
        struct Body<'a> {
            message: &'a str,
            code: &'a str,
            #[serde(skip_serializing_if = "Members::is_none")]
            details: &'a Members<'a>,
            status_code: u16,
        }
        to_writer(
            buf,
            &Body {
                message: &parts.message,
                code: parts.code,
                details: &parts.members,
                status_code: parts.status.as_u16(),
            },
        );
    }

    fn write(error: &Hand, buf: &mut Vec<u8>) {
        buf.extend_from_slice(b"{\"message\":");
        message(error, buf);
        buf.extend_from_slice(b",\"code\":");
        let (code, status) = code_and_status(error);
        buf.extend_from_slice(code.as_bytes());
        if exposes(error) {
            buf.extend_from_slice(b",\"details\":{");
            members(error, buf);
            buf.push(b'}');
        }
        buf.extend_from_slice(b",\"status_code\":");
        buf.extend_from_slice(status.as_bytes());
        buf.push(b'}');
    }
}

impl Shape for Nested {
    fn serde(parts: &Parts<'_>, buf: &mut Vec<u8>) {
        #[derive(Serialize)]
        struct Body<'a> {
            error: Inner<'a>,
        }
        #[derive(Serialize)]
        struct Inner<'a> {
            status: u16,
            message: &'a str,
            code: &'a str,
            #[serde(flatten)]
            members: &'a Members<'a>,
        }
        to_writer(
            buf,
            &Body {
                error: Inner {
                    status: parts.status.as_u16(),
                    message: &parts.message,
                    code: parts.code,
                    members: &parts.members,
                },
            },
        );
    }

    fn write(error: &Hand, buf: &mut Vec<u8>) {
        let (code, status) = code_and_status(error);
        buf.extend_from_slice(b"{\"error\":{\"status\":");
        buf.extend_from_slice(status.as_bytes());
        buf.extend_from_slice(b",\"message\":");
        message(error, buf);
        buf.extend_from_slice(b",\"code\":");
        buf.extend_from_slice(code.as_bytes());
        more_members(error, buf);
        buf.extend_from_slice(b"}}");
    }
}

impl Shape for Typed {
    fn serde(parts: &Parts<'_>, buf: &mut Vec<u8>) {
        #[derive(Serialize)]
        struct Body<'a> {
            #[serde(rename = "type")]
            kind: &'a str,
            message: &'a str,
            #[serde(flatten)]
            members: &'a Members<'a>,
        }
        to_writer(
            buf,
            &Body {
                kind: parts.code,
                message: &parts.message,
                members: &parts.members,
            },
        );
    }

    fn write(error: &Hand, buf: &mut Vec<u8>) {
        buf.extend_from_slice(b"{\"type\":");
        buf.extend_from_slice(code_and_status(error).0.as_bytes());
        buf.extend_from_slice(b",\"message\":");
        message(error, buf);
        more_members(error, buf);
        buf.push(b'}');
    }
}

impl Shape for Described {
    fn serde(parts: &Parts<'_>, buf: &mut Vec<u8>) {
        #[derive(Serialize)]
        struct Body<'a> {
            message: &'a str,
            description: &'a str,
            #[serde(flatten)]
            members: &'a Members<'a>,
        }
        to_writer(
            buf,
            &Body {
                message: parts.title,
                description: &parts.message,
                members: &parts.members,
            },
        );
    }

    fn write(error: &Hand, buf: &mut Vec<u8>) {
        buf.extend_from_slice(b"{\"message\":");
        buf.extend_from_slice(title(error).as_bytes());
        buf.extend_from_slice(b",\"description\":");
        message(error, buf);
        more_members(error, buf);
        buf.push(b'}');
    }
}

impl Shape for OAuth2 {
    fn serde(parts: &Parts<'_>, buf: &mut Vec<u8>) {
        #[derive(Serialize)]
        struct Body<'a> {
            error: &'a str,
            error_description: &'a str,
            #[serde(flatten)]
            members: &'a Members<'a>,
        }
        to_writer(
            buf,
            &Body {
                error: parts.code,
                error_description: &parts.message,
                members: &parts.members,
            },
        );
    }

    fn write(error: &Hand, buf: &mut Vec<u8>) {
        buf.extend_from_slice(b"{\"error\":");
        buf.extend_from_slice(code_and_status(error).0.as_bytes());
        buf.extend_from_slice(b",\"error_description\":");
        message(error, buf);
        more_members(error, buf);
        buf.push(b'}');
    }

    fn headers(headers: &mut HeaderMap) {
        headers.insert(CACHE_CONTROL, HeaderValue::from_static("no-store"));
        headers.insert(PRAGMA, HeaderValue::from_static("no-cache"));
    }
}

impl Shape for Problem {
    const CONTENT_TYPE: &'static str = "application/problem+json";
    const PEER: Option<fn(&Hand, &mut Vec<u8>)> = Some(http_api_problem);

    fn serde(parts: &Parts<'_>, buf: &mut Vec<u8>) {
        #[derive(Serialize)]
        struct Body<'a> {
            #[serde(rename = "type")]
            kind: &'a str,
            title: &'a str,
            status: u16,
            detail: &'a str,
            code: &'a str,
            #[serde(flatten)]
            members: &'a Members<'a>,
        }
        to_writer(
            buf,
            &Body {
                kind: parts.type_url,
                title: parts.title,
                status: parts.status.as_u16(),
                detail: &parts.message,
                code: parts.code,
                members: &parts.members,
            },
        );
    }

    fn write(error: &Hand, buf: &mut Vec<u8>) {
        let (code, status) = code_and_status(error);
        buf.extend_from_slice(b"{\"type\":\"https://example.com/errors/");
        // The code is its own JSON string: drop its opening quote.
        buf.extend_from_slice(&code.as_bytes()[1..]);
        buf.extend_from_slice(b",\"title\":");
        buf.extend_from_slice(title(error).as_bytes());
        buf.extend_from_slice(b",\"status\":");
        buf.extend_from_slice(status.as_bytes());
        buf.extend_from_slice(b",\"detail\":");
        message(error, buf);
        buf.extend_from_slice(b",\"code\":");
        buf.extend_from_slice(code.as_bytes());
        more_members(error, buf);
        buf.push(b'}');
    }
}

/// http-api-problem's way to the same problem body.
pub fn http_api_problem(error: &Hand, buf: &mut Vec<u8>) {
    let parts = parts(error);
    let mut problem = http_api_problem::HttpApiProblem::new(parts.status)
        .type_url(parts.type_url)
        .title(parts.title)
        .detail(parts.message)
        .value("code", &parts.code);
    match error {
        Hand::EmailAlreadyExists | Hand::NotFound { .. } => {}
        Hand::OutOfCredit { balance, cost } => {
            problem = problem.value("balance", balance).value("cost", cost);
        }
        Hand::ValidationFailed { errors } => problem = problem.value("errors", errors),
    }
    to_writer(buf, &problem);
}

/// The byte writer's constants: the code and the status, as JSON text.
fn code_and_status(error: &Hand) -> (&'static str, &'static str) {
    match error {
        Hand::EmailAlreadyExists => ("\"email_already_exists\"", "409"),
        Hand::NotFound { .. } => ("\"not_found\"", "404"),
        Hand::OutOfCredit { .. } => ("\"out_of_credit\"", "403"),
        Hand::ValidationFailed { .. } => ("\"validation_failed\"", "422"),
    }
}

/// The reason phrase, as JSON text.
fn title(error: &Hand) -> &'static str {
    match error {
        Hand::EmailAlreadyExists => "\"Conflict\"",
        Hand::NotFound { .. } => "\"Not Found\"",
        Hand::OutOfCredit { .. } => "\"Forbidden\"",
        Hand::ValidationFailed { .. } => "\"Unprocessable Entity\"",
    }
}

/// The message as a JSON string: constant text as it is, templates through
/// an escaping `fmt::Write`.
fn message(error: &Hand, buf: &mut Vec<u8>) {
    if let Hand::EmailAlreadyExists = error {
        buf.extend_from_slice(b"\"This email is already in use, please try another one.\"");
        return;
    }
    buf.push(b'"');
    write!(Escaped(buf), "{error}").expect("writing to a Vec cannot fail");
    buf.push(b'"');
}

/// Whether the error has exposed members.
fn exposes(error: &Hand) -> bool {
    !matches!(error, Hand::EmailAlreadyExists | Hand::NotFound { .. })
}

/// The exposed members, each preceded by a comma.
fn more_members(error: &Hand, buf: &mut Vec<u8>) {
    if exposes(error) {
        buf.push(b',');
        members(error, buf);
    }
}

/// The exposed members, separated by commas.
fn members(error: &Hand, buf: &mut Vec<u8>) {
    match error {
        Hand::EmailAlreadyExists | Hand::NotFound { .. } => {}
        Hand::OutOfCredit { balance, cost } => {
            let mut number = itoa::Buffer::new();
            buf.extend_from_slice(b"\"balance\":");
            buf.extend_from_slice(number.format(*balance).as_bytes());
            buf.extend_from_slice(b",\"cost\":");
            buf.extend_from_slice(number.format(*cost).as_bytes());
        }
        Hand::ValidationFailed { errors } => {
            buf.extend_from_slice(b"\"errors\":");
            to_writer(buf, errors);
        }
    }
}

/// Text into a JSON string: quotes, backslashes and control characters
/// escaped.
struct Escaped<'a>(&'a mut Vec<u8>);

impl fmt::Write for Escaped<'_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut start = 0;
        for (i, byte) in text.bytes().enumerate() {
            if byte == b'"' || byte == b'\\' || byte < 0x20 {
                self.0.extend_from_slice(&text.as_bytes()[start..i]);
                // serde_json's escapes, so that the bytes are the same.
                match byte {
                    b'"' => self.0.extend_from_slice(b"\\\""),
                    b'\\' => self.0.extend_from_slice(b"\\\\"),
                    b'\n' => self.0.extend_from_slice(b"\\n"),
                    b'\r' => self.0.extend_from_slice(b"\\r"),
                    b'\t' => self.0.extend_from_slice(b"\\t"),
                    0x08 => self.0.extend_from_slice(b"\\b"),
                    0x0c => self.0.extend_from_slice(b"\\f"),
                    _ => {
                        const HEX: &[u8; 16] = b"0123456789abcdef";
                        self.0.extend_from_slice(b"\\u00");
                        self.0.push(HEX[usize::from(byte >> 4)]);
                        self.0.push(HEX[usize::from(byte & 15)]);
                    }
                }
                start = i + 1;
            }
        }
        self.0.extend_from_slice(&text.as_bytes()[start..]);
        Ok(())
    }
}
