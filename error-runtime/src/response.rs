//! Whole HTTP responses: status, content type, headers and body.

use core::cell::RefCell;
use core::fmt::{self, Display};

use http::header::{CONTENT_TYPE, HeaderName, HeaderValue, WWW_AUTHENTICATE};
use http::{HeaderMap, Response, StatusCode};

use crate::api_error::Visitor;
use crate::format::json::constant_body;
use crate::format::{Declared, Fixed, Format, Row, builtin_headers};
use crate::shared::formats::Builtin;
use crate::{ApiError, Describe, Envelope, ErrorEntry};

/// The HTTP response for `error`, in the format its type declares: status,
/// `Content-Type`, headers and JSON body.
///
/// Headers are, in order: one per `#[api(header = "...")]` field (its
/// `Display` value); for a 401 without a `WWW-Authenticate` field, the
/// type's `challenge`; then those the format requires (`oauth2`:
/// `Cache-Control: no-store`, `Pragma: no-cache`). A header value that is not
/// valid header text (a line break, say), or is longer than
/// [`HEADER_FIELD_LIMIT`] bytes, is left out rather than sent: proxies refuse
/// headers past a few KiB. Formatting stops at the limit, so a huge `Display`
/// costs no more than that.
///
/// The body is written as [`Envelope::write_json`] writes it, in one
/// allocation of its size (a constant body is copied; another is written
/// first into a buffer each thread keeps). The headers cost what `http`'s
/// `HeaderMap` costs: two allocations at the first header, and two for each
/// header field (its text, and the value copied from it).
///
/// This never panics: should an exposed field's `Serialize` fail, the body is
/// written without the exposed members.
///
/// With the `tracing` feature, it also logs the error: a 5xx at `ERROR`, a
/// 4xx at `DEBUG` (see the crate's features).
///
/// ```
/// use errcat::ApiError;
///
/// #[derive(Debug, ApiError)]
/// #[api(format = "flat", rename_all = "snake_case")]
/// enum ApiErrors {
///     #[api(status = 429, message = "Too many requests")]
///     RateLimited {
///         #[api(header = "Retry-After")]
///         retry_after: u32,
///     },
/// }
///
/// let response = errcat::http_response(&ApiErrors::RateLimited { retry_after: 30 });
/// assert_eq!(response.status(), 429);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.headers()["retry-after"], "30");
/// assert_eq!(
///     response.body(),
///     br#"{"message":"Too many requests","code":"rate_limited","status_code":429}"#,
/// );
/// ```
#[must_use]
pub fn http_response<E: ApiError + ?Sized>(error: &E) -> Response<Vec<u8>> {
    http_response_with(error, Declared)
}

/// The HTTP response for `error` in the format its type declares, with the
/// message in `locale` (see [`ApiError::message_in`]).
///
/// When a translation is found, the response also has `Content-Language`
/// with the locale's tag; every response of a type with translations has
/// `Vary: Accept-Language`, since its body depends on it.
#[cfg(feature = "locales")]
#[must_use]
pub fn http_response_in<E: ApiError + ?Sized>(error: &E, locale: &str) -> Response<Vec<u8>> {
    let error = error.__as_dyn();
    let localized = crate::locale::Localized { error, locale };
    let mut response = http_response_with(&localized, Declared);
    crate::locale::language_headers(error, locale, response.headers_mut());
    response
}

/// The HTTP response for `error` in `format`, whatever its type declares.
#[must_use]
pub fn http_response_with<E: ApiError + ?Sized, F: Format>(
    error: &E,
    format: F,
) -> Response<Vec<u8>> {
    let error = error.__as_dyn();
    let Row { entry, fixed, .. } = error.__row();
    let builtin = format.__builtin(&fixed);
    let constant = builtin.and_then(|builtin| constant_body(builtin, entry, &fixed));
    let body = match constant {
        Some(body) => body.as_bytes().to_vec(),
        None => body(error, &format),
    };
    let status = entry.status_code();
    let mut response = Response::new(body);
    *response.status_mut() = status;
    let headers = response.headers_mut();
    let content_type = match builtin {
        Some(builtin) => Some(content_type_of(builtin)),
        None => static_value(format.content_type(error)),
    };
    if let Some(content_type) = content_type {
        headers.insert(CONTENT_TYPE, content_type);
    }
    // The row lists the header fields `__visit` shows.
    if !entry.header_fields().is_empty() {
        error.__visit(&mut HeaderFields { headers });
    }
    if status == StatusCode::UNAUTHORIZED && !headers.contains_key(WWW_AUTHENTICATE) {
        if let Some(challenge) = fixed.settings.challenge.and_then(static_value) {
            headers.insert(WWW_AUTHENTICATE, challenge);
        }
    }
    match builtin {
        Some(builtin) => builtin_headers(builtin, error, headers),
        None => format.headers(error, headers),
    }
    #[cfg(feature = "locales")]
    crate::locale::vary(&fixed, headers);
    crate::integrations::tracing::rendered(error, status);
    response
}

/// The body of `error` in `format`, which is not constant, in a buffer
/// allocated once, of its size: written first into the thread's scratch
/// buffer, which keeps its room from one response to the next. Should an
/// exposed member's `Serialize` fail, the body is written again without the
/// exposed members.
fn body<F: Format>(error: &dyn ApiError, format: &F) -> Vec<u8> {
    thread_local! {
        static SCRATCH: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    let written = SCRATCH.try_with(|scratch| {
        // Taken already: a field's `Display` is writing a response itself.
        let mut scratch = scratch.try_borrow_mut().ok()?;
        scratch.clear();
        write_body_into(error, format, &mut scratch);
        let body = scratch.as_slice().to_vec();
        if scratch.capacity() > SCRATCH_LIMIT {
            *scratch = Vec::new();
        }
        Some(body)
    });
    written.ok().flatten().unwrap_or_else(|| {
        let mut body = Vec::new();
        write_body_into(error, format, &mut body);
        body
    })
}

/// The most room the scratch buffer keeps between responses.
const SCRATCH_LIMIT: usize = 16 * 1024;

fn write_body_into<F: Format>(error: &dyn ApiError, format: &F, buf: &mut Vec<u8>) {
    if Envelope::with_format(error, format)
        .write_json(buf)
        .is_err()
    {
        // Only text and numbers are left, which JSON always accepts.
        let _ = Envelope::with_format(&WithoutMembers(error), format).write_json(buf);
    }
}

/// The `Content-Type` of a built-in format, made at compile time.
fn content_type_of(format: Builtin) -> HeaderValue {
    macro_rules! content_types {
        ($($format:ident in $module:ident $row:tt)*) => {
            match format {
                $(Builtin::$format => const { HeaderValue::from_static(Builtin::$format.content_type()) },)*
            }
        };
    }
    builtin_formats!(content_types)
}

/// `text` as a header value: without a copy when it is visible ASCII (what
/// `HeaderValue::from_static` accepts without a panic), else copied when it
/// is valid header text at all, else `None`.
fn static_value(text: &'static str) -> Option<HeaderValue> {
    let visible_ascii = text
        .bytes()
        .all(|byte| (b' '..=b'~').contains(&byte) || byte == b'\t');
    if visible_ascii {
        Some(HeaderValue::from_static(text))
    } else {
        HeaderValue::from_str(text).ok()
    }
}

/// The longest value a header field sends, in bytes.
pub const HEADER_FIELD_LIMIT: usize = 4096;

struct HeaderFields<'a> {
    headers: &'a mut HeaderMap,
}

/// Text that refuses to grow past [`HEADER_FIELD_LIMIT`].
struct Capped(String);

impl fmt::Write for Capped {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        if self.0.len() + text.len() > HEADER_FIELD_LIMIT {
            return Err(fmt::Error);
        }
        self.0.push_str(text);
        Ok(())
    }
}

impl Visitor for HeaderFields<'_> {
    fn header(&mut self, name: &'static str, value: &dyn Display) {
        let mut text = Capped(String::new());
        // A `Display` that fails, or runs past the limit, leaves the header
        // out, like invalid text.
        if fmt::write(&mut text, format_args!("{value}")).is_err() {
            return;
        }
        let text = text.0;
        let name = HeaderName::from_bytes(name.as_bytes());
        let value = HeaderValue::from_str(&text);
        if let (Ok(name), Ok(value)) = (name, value) {
            self.headers.append(name, value);
        }
    }
}

/// An error seen without its exposed members and details value.
struct WithoutMembers<'a>(&'a dyn ApiError);

impl Describe for WithoutMembers<'_> {
    fn describe(&self) -> &'static ErrorEntry {
        self.0.entry()
    }
    fn write_message(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_message(f)
    }
    fn __fixed(&self) -> Fixed {
        self.0.__fixed()
    }
    fn __row(&self) -> Row {
        self.0.__row()
    }
    fn __arguments(&self, arguments: &mut dyn crate::locale::LocaleArguments) {
        self.0.__arguments(arguments);
    }
}
