//! `std::error::Error` for `display` types, `#[api(source)]`, and errcat next
//! to thiserror.

use std::error::Error;
use std::fmt;
use std::io;

use errcat::ApiError;

/// The `Display` of each error in `error`'s `source()` chain, itself first.
fn chain(error: &dyn Error) -> Vec<String> {
    let mut texts = vec![error.to_string()];
    let mut source = error.source();
    while let Some(error) = source {
        texts.push(error.to_string());
        source = error.source();
    }
    texts
}

type BoxError = Box<dyn Error + Send + Sync>;

#[derive(Debug, ApiError)]
#[api(display, format = "nested")]
enum StorageError {
    #[api(status = 503, message = "Storage is unavailable")]
    Unavailable {
        #[api(source)]
        cause: io::Error,
    },
    #[api(status = 500, message = "Upload {id} failed")]
    Upload {
        id: u64,
        #[api(source)]
        cause: Box<dyn Error + Send + Sync + 'static>,
    },
    #[api(status = 500)]
    Aliased(#[api(source)] BoxError),
    #[api(status = 500)]
    Unsent(#[api(source)] Box<dyn Error>),
    #[api(status = 502)]
    Maybe {
        #[api(source)]
        cause: Option<io::Error>,
    },
    #[api(status = 404, message = "No such file")]
    NotFound,
}

#[test]
fn display_types_are_errors_whose_display_is_the_public_message() {
    let error = StorageError::Upload {
        id: 7,
        cause: "bucket full".into(),
    };
    assert_eq!(error.to_string(), "Upload 7 failed");
    let boxed: Box<dyn Error> = Box::new(error);
    assert_eq!(chain(&*boxed), ["Upload 7 failed", "bucket full"]);
}

#[test]
fn source_is_the_marked_field() {
    let unavailable = StorageError::Unavailable {
        cause: io::Error::new(io::ErrorKind::ConnectionRefused, "connection refused"),
    };
    assert_eq!(
        chain(&unavailable),
        ["Storage is unavailable", "connection refused"]
    );
    let source = unavailable.source().unwrap();
    let io = source.downcast_ref::<io::Error>().unwrap();
    assert_eq!(io.kind(), io::ErrorKind::ConnectionRefused);

    assert_eq!(
        StorageError::NotFound.source().map(ToString::to_string),
        None
    );
}

#[test]
fn boxed_sources_are_seen_through() {
    let aliased = StorageError::Aliased("timed out".into());
    assert_eq!(chain(&aliased), ["Internal Server Error", "timed out"]);

    // The box's own error, not the box: downcasting reaches the type inside.
    let inner = StorageError::Aliased(Box::new(io::Error::other("disk")));
    assert!(inner.source().unwrap().is::<io::Error>());

    let unsent = StorageError::Unsent("not thread-safe".into());
    assert_eq!(chain(&unsent), ["Internal Server Error", "not thread-safe"]);
}

#[test]
fn an_optional_source_is_one_when_present() {
    let some = StorageError::Maybe {
        cause: Some(io::Error::other("reset")),
    };
    assert_eq!(chain(&some), ["Bad Gateway", "reset"]);
    let none = StorageError::Maybe { cause: None };
    assert!(none.source().is_none());
}

#[test]
fn the_source_never_reaches_the_wire() {
    let error = StorageError::Upload {
        id: 7,
        cause: "password=hunter2 rejected".into(),
    };
    let response = errcat::http_response(&error);
    assert_eq!(
        response.body(),
        br#"{"error":{"status":500,"message":"Upload 7 failed","code":"Upload"}}"#
    );
}

/// A struct takes `source` too.
#[derive(Debug, ApiError)]
#[api(status = 500, display)]
struct ConfigError {
    path: &'static str,
    #[api(source)]
    cause: io::Error,
}

#[test]
fn a_struct_has_a_source() {
    let error = ConfigError {
        path: "/etc/app.toml",
        cause: io::Error::other("permission denied"),
    };
    assert_eq!(error.path, "/etc/app.toml");
    assert_eq!(
        chain(&error),
        ["Internal Server Error", "permission denied"]
    );
}

/// Wraps the others: `source()` of a transparent variant is the wrapped
/// error's own `source()`, as its message is the wrapped error's message.
#[derive(Debug, ApiError)]
#[api(display)]
enum AppError {
    #[api(transparent)]
    Storage(StorageError),
    #[api(transparent)]
    Plain(PlainError),
    #[api(status = 400, message = "Bad input")]
    BadInput,
}

/// No `display`, so no `Error`: a transparent variant over it has no source.
#[derive(Debug, ApiError)]
enum PlainError {
    #[api(status = 409)]
    Conflict,
}

#[test]
fn a_transparent_variant_forwards_the_source() {
    let error = AppError::Storage(StorageError::Unavailable {
        cause: io::Error::other("connection refused"),
    });
    assert_eq!(
        chain(&error),
        ["Storage is unavailable", "connection refused"]
    );
    assert_eq!(error.status(), 503);

    assert!(AppError::Plain(PlainError::Conflict).source().is_none());
    assert_eq!(
        AppError::Plain(PlainError::Conflict).to_string(),
        "Conflict"
    );
    assert!(AppError::BadInput.source().is_none());
}

/// A generic source: `E: Error + 'static` is required where it is used.
#[derive(Debug, ApiError)]
#[api(status = 502, display)]
enum UpstreamError<E> {
    #[api(message = "The upstream failed")]
    Failed {
        #[api(source)]
        cause: E,
    },
    #[api(message = "The upstream is {0}")]
    Status(&'static str),
}

#[test]
fn a_generic_source() {
    let error: UpstreamError<io::Error> = UpstreamError::Failed {
        cause: io::Error::other("reset by peer"),
    };
    assert_eq!(chain(&error), ["The upstream failed", "reset by peer"]);
    let error: UpstreamError<io::Error> = UpstreamError::Status("down");
    assert_eq!(chain(&error), ["The upstream is down"]);
}

/// thiserror writes the `Display` (for logs, with the cause) and implements
/// `Error`; errcat writes the response. No `display`, no `#[api(source)]`.
/// The README's example.
#[derive(Debug, thiserror::Error, ApiError)]
#[api(format = "nested")]
enum ServiceError {
    // The log says "database query failed: connection reset";
    // the body says "Something went wrong on our side".
    #[error("database query failed: {0}")]
    #[api(status = 500, message = "Something went wrong on our side")]
    Database(#[source] std::io::Error),
    #[error("user {0} not found")]
    #[api(status = 404, code = "UserNotFound", message = "No user {0}")]
    UserNotFound(u64),
}

#[test]
fn errcat_next_to_thiserror() {
    let error = ServiceError::Database(io::Error::other("connection reset"));
    assert_eq!(
        chain(&error),
        [
            "database query failed: connection reset",
            "connection reset"
        ]
    );
    assert_eq!(
        error.message().to_string(),
        "Something went wrong on our side"
    );
    let response = errcat::http_response(&error);
    assert_eq!(
        response.body(),
        br#"{"error":{"status":500,"message":"Something went wrong on our side","code":"Database"}}"#
    );

    let missing = ServiceError::UserNotFound(7);
    assert_eq!(missing.to_string(), "user 7 not found");
    assert_eq!(missing.message().to_string(), "No user 7");
    assert_eq!(missing.code(), "UserNotFound");
}

/// A `Display` that fails: the `Error` impl does not care.
#[derive(Debug)]
struct Failing;

impl fmt::Display for Failing {
    fn fmt(&self, _: &mut fmt::Formatter<'_>) -> fmt::Result {
        Err(fmt::Error)
    }
}

impl Error for Failing {}

#[derive(Debug, ApiError)]
#[api(status = 500, display)]
struct WrapsFailing(#[api(source)] Failing);

#[test]
fn a_source_whose_display_fails_is_still_the_source() {
    let error = WrapsFailing(Failing);
    assert!(error.source().unwrap().is::<Failing>());
}
