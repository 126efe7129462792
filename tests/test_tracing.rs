//! Feature `tracing`: the event each rendered response logs, recorded by a
//! hand-written subscriber.

use std::cell::Cell;
use std::error::Error;
use std::fmt::{self, Debug};
use std::io;
use std::sync::{Arc, Mutex};

use errcat::ApiError;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Metadata, Subscriber, span};

/// A recorded field value, by the `Visit` method it came through.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    Str(String),
    U64(u64),
    /// `record_debug`, which also carries `display` values.
    Text(String),
}

/// One recorded event.
#[derive(Debug, Clone, PartialEq)]
struct Recorded {
    level: Level,
    target: String,
    fields: Vec<(String, Value)>,
}

impl Recorded {
    fn text(&self, name: &str) -> Option<&str> {
        self.fields.iter().find_map(|(field, value)| match value {
            Value::Text(text) if field == name => Some(text.as_str()),
            _ => None,
        })
    }
}

#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<Recorded>>>);

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &span::Attributes<'_>) -> span::Id {
        span::Id::from_u64(1)
    }
    fn record(&self, _: &span::Id, _: &span::Record<'_>) {}
    fn record_follows_from(&self, _: &span::Id, _: &span::Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut fields = Fields(Vec::new());
        event.record(&mut fields);
        let metadata = event.metadata();
        self.0.lock().unwrap().push(Recorded {
            level: *metadata.level(),
            target: metadata.target().to_owned(),
            fields: fields.0,
        });
    }
    fn enter(&self, _: &span::Id) {}
    fn exit(&self, _: &span::Id) {}
}

struct Fields(Vec<(String, Value)>);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn Debug) {
        self.0
            .push((field.name().to_owned(), Value::Text(format!("{value:?}"))));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0
            .push((field.name().to_owned(), Value::Str(value.to_owned())));
    }
    fn record_u64(&mut self, field: &Field, value: u64) {
        self.0.push((field.name().to_owned(), Value::U64(value)));
    }
}

/// The events logged while `f` runs.
fn events(f: impl FnOnce()) -> Vec<Recorded> {
    let recorder = Recorder::default();
    tracing::subscriber::with_default(recorder.clone(), f);
    recorder.0.lock().unwrap().clone()
}

/// The single event logged while rendering `error`.
fn logged<E: ApiError + ?Sized>(error: &E) -> Recorded {
    let mut events = events(|| drop(errcat::http_response(error)));
    assert_eq!(events.len(), 1, "{events:#?}");
    events.remove(0)
}

fn str(name: &str, value: &str) -> (String, Value) {
    (name.to_owned(), Value::Str(value.to_owned()))
}

fn u64(name: &str, value: u64) -> (String, Value) {
    (name.to_owned(), Value::U64(value))
}

fn text(name: &str, value: &str) -> (String, Value) {
    (name.to_owned(), Value::Text(value.to_owned()))
}

/// The cause below the cause.
#[derive(Debug, thiserror::Error)]
#[error("pool exhausted after {waited_ms} ms")]
struct PoolError {
    waited_ms: u32,
    #[source]
    cause: io::Error,
}

#[derive(Debug, ApiError)]
#[api(display, format = "nested")]
enum AppError {
    #[api(status = 500, message = "Something went wrong")]
    Database {
        #[api(source)]
        cause: PoolError,
    },
    #[api(status = 404, message = "No order {id}")]
    OrderNotFound { id: u64 },
}

fn database_error() -> AppError {
    AppError::Database {
        cause: PoolError {
            waited_ms: 250,
            cause: io::Error::new(io::ErrorKind::TimedOut, "connect timed out"),
        },
    }
}

#[test]
fn a_5xx_is_logged_at_error_with_its_source_chain() {
    let error = database_error();
    let event = logged(&error);
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(event.target, "errcat");
    assert_eq!(
        event.fields,
        [
            text("message", "error response"),
            str("error.code", "Database"),
            u64("http.status", 500),
            text("error.debug", &format!("{error:?}")),
            text("error.display", "Something went wrong"),
            text(
                "error.sources",
                r#"["pool exhausted after 250 ms", "connect timed out"]"#
            ),
        ]
    );
    assert!(event.text("error.debug").unwrap().starts_with(
        "Database { cause: PoolError { waited_ms: 250, cause: Custom { kind: TimedOut"
    ));
}

#[test]
fn the_body_says_only_what_the_wire_allows() {
    let mut body = Vec::new();
    let events = events(|| body = errcat::http_response(&database_error()).into_body());
    assert_eq!(events.len(), 1);
    assert_eq!(
        body,
        br#"{"error":{"status":500,"message":"Something went wrong","code":"Database"}}"#
    );
}

/// A secret in a private source: the logs hold it and its chain, the body
/// never does.
#[test]
fn a_secret_in_a_source_reaches_the_logs_and_not_the_body() {
    let secret = "postgres://app:hunter2@db.internal/users";
    let error = AppError::Database {
        cause: PoolError {
            waited_ms: 5,
            cause: io::Error::other(format!("cannot connect to {secret}")),
        },
    };
    let mut body = Vec::new();
    let events = events(|| body = errcat::http_response(&error).into_body());
    let body = String::from_utf8(body).unwrap();
    assert!(!body.contains("hunter2"), "{body}");
    assert_eq!(
        body,
        r#"{"error":{"status":500,"message":"Something went wrong","code":"Database"}}"#
    );
    let [event] = events.as_slice() else {
        panic!("{events:#?}")
    };
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(
        event.text("error.sources").unwrap(),
        format!(r#"["pool exhausted after 5 ms", "cannot connect to {secret}"]"#)
    );
    assert!(event.text("error.debug").unwrap().contains(secret));
}

#[test]
fn a_4xx_is_logged_at_debug() {
    let error = AppError::OrderNotFound { id: 7 };
    let event = logged(&error);
    assert_eq!(event.level, Level::DEBUG);
    assert_eq!(
        event.fields,
        [
            text("message", "error response"),
            str("error.code", "OrderNotFound"),
            u64("http.status", 404),
            text("error.debug", "OrderNotFound { id: 7 }"),
            text("error.display", "No order 7"),
        ]
    );
}

#[test]
fn http_response_with_logs_too() {
    let event = events(|| {
        drop(errcat::http_response_with(
            &AppError::OrderNotFound { id: 7 },
            errcat::format::Typed,
        ));
    });
    assert_eq!(event.len(), 1);
    assert_eq!(event[0].level, Level::DEBUG);
}

/// Neither `Debug` nor `Error`: the code and the status are all there is.
#[derive(ApiError)]
#[api(status = 503)]
struct Bare;

#[test]
fn a_type_without_debug_or_error() {
    let event = logged(&Bare);
    assert_eq!(event.level, Level::ERROR);
    assert_eq!(
        event.fields,
        [
            text("message", "error response"),
            str("error.code", "Bare"),
            u64("http.status", 503),
        ]
    );
}

/// `Debug` without `Error` (no `display`).
#[derive(Debug, ApiError)]
#[api(status = 429, message = "Slow down")]
struct RateLimited {
    #[api(header = "Retry-After")]
    retry_after: u32,
}

#[test]
fn a_type_with_debug_only() {
    let event = logged(&RateLimited { retry_after: 30 });
    assert_eq!(
        event.fields,
        [
            text("message", "error response"),
            str("error.code", "RateLimited"),
            u64("http.status", 429),
            text("error.debug", "RateLimited { retry_after: 30 }"),
        ]
    );
}

#[test]
fn a_boxed_api_error_is_logged_as_its_value() {
    let boxed: Box<dyn ApiError + Send + Sync> = Box::new(database_error());
    let event = logged(&boxed);
    assert_eq!(event, logged(&database_error()));
    let as_dyn: &dyn ApiError = &*boxed;
    assert_eq!(logged(as_dyn), logged(&database_error()));
}

/// thiserror's `Display` and chain are what the logs show; errcat's message
/// is what the client sees.
#[derive(Debug, thiserror::Error, ApiError)]
enum ServiceError {
    #[error("query failed")]
    #[api(status = 500, message = "Try again later")]
    Query(#[source] PoolError),
}

#[test]
fn thiserror_types_log_their_own_display_and_chain() {
    let error = ServiceError::Query(PoolError {
        waited_ms: 5,
        cause: io::Error::other("reset"),
    });
    let event = logged(&error);
    assert_eq!(event.text("error.display"), Some("query failed"));
    assert_eq!(
        event.text("error.sources"),
        Some(r#"["pool exhausted after 5 ms", "reset"]"#)
    );
    assert!(
        String::from_utf8(errcat::http_response(&error).into_body())
            .unwrap()
            .contains(r#""detail":"Try again later""#)
    );
}

/// A generic type: `Debug` and `Error` depend on the parameter, which the
/// derive cannot see, so it is logged with its code and status only.
#[derive(Debug, ApiError)]
#[api(status = 502, display)]
struct Upstream<E> {
    #[api(source)]
    cause: E,
}

#[test]
fn a_generic_type_is_logged_with_code_and_status() {
    let event = logged(&Upstream {
        cause: io::Error::other("down"),
    });
    assert_eq!(
        event.fields,
        [
            text("message", "error response"),
            str("error.code", "Upstream"),
            u64("http.status", 502),
        ]
    );
}

/// A `Debug` of 1 MB, written in 1 KiB pieces, counting the pieces asked for.
#[derive(ApiError)]
#[api(status = 500)]
struct Huge {
    pieces: Cell<usize>,
}

impl Debug for Huge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // "€" is 3 bytes: 8 KiB falls inside one.
        let piece = "€".repeat(1024 / 3);
        for _ in 0..(1024 * 1024 / piece.len()) {
            self.pieces.set(self.pieces.get() + 1);
            f.write_str(&piece)?;
        }
        Ok(())
    }
}

#[test]
fn a_huge_debug_is_cut_at_8_kib() {
    let huge = Huge {
        pieces: Cell::new(0),
    };
    let event = logged(&huge);
    let debug = event.text("error.debug").unwrap();
    let kept = debug.strip_suffix("…<truncated>").unwrap();
    assert_eq!(kept.len(), 8190, "whole characters only");
    assert!(kept.chars().all(|c| c == '€'));
    // Formatting stopped at the limit instead of writing the whole megabyte.
    assert_eq!(huge.pieces.get(), 9);
}

/// An error whose `Display` (the public message, through a field) fails.
struct Failing;

impl fmt::Display for Failing {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }
}

impl Debug for Failing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Fail")?;
        Err(fmt::Error)
    }
}

impl Error for Failing {}

#[derive(Debug, ApiError)]
#[api(status = 500, message = "failed: {0}", display)]
struct FailingDisplay(Failing, #[api(source)] Failing);

#[test]
fn a_failing_display_or_debug_does_not_panic() {
    let error = FailingDisplay(Failing, Failing);
    let event = logged(&error);
    assert_eq!(
        event.fields,
        [
            text("message", "error response"),
            str("error.code", "FailingDisplay"),
            u64("http.status", 500),
            text("error.debug", "FailingDisplay(Fail<fmt error>"),
            text("error.display", "failed: <fmt error>"),
            text("error.sources", r#"["<fmt error>"]"#),
        ]
    );
}

/// A source chain that never ends is cut like any long text.
#[derive(Debug)]
struct Looping;

impl fmt::Display for Looping {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("again")
    }
}

impl Error for Looping {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&Looping)
    }
}

#[derive(Debug, ApiError)]
#[api(status = 500, display)]
struct Endless(#[api(source)] Looping);

#[test]
fn an_endless_source_chain_ends_at_the_limit() {
    let event = logged(&Endless(Looping));
    let sources = event.text("error.sources").unwrap();
    assert!(sources.starts_with(r#"["again", "again", "#));
    assert!(sources.ends_with("…<truncated>"));
    assert!(sources.len() <= 8 * 1024 + "…<truncated>".len());
}

#[test]
fn nothing_is_logged_without_a_response() {
    let events = events(|| {
        let error = database_error();
        let _ = (error.status(), error.code(), error.message().to_string());
    });
    assert_eq!(events, []);
}
