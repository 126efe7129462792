//! Define, serialize and document HTTP API errors from one enum.
//!
//! `#[derive(ApiError)]` reads `#[api(...)]` attributes on an error type and
//! generates its HTTP status, a stable code, a public message, the JSON body in
//! the format your API uses, and a catalog of every error with a markdown
//! table for your documentation — so the `impl IntoResponse`, the `match` arms
//! and the docs page can no longer drift apart.
//!
//! # Features
//!
//! | feature | adds | brings |
//! |---|---|---|
//! | `derive` (default) | `#[derive(ApiError)]`, re-exported as `errcat::ApiError` beside the trait | `errcat-derive` (`syn`, `quote`, `proc-macro2`) |
//! | `docs` | the page builder [`docs::Docs`](crate::docs) and `docs::sync`, for tests and build scripts; [`docs::markdown`] is there without it | `similar` |
//! | `axum` | [`IntoResponse`](https://docs.rs/axum/0.8/axum/response/trait.IntoResponse.html) for every derived type and `Box<dyn ApiError + Send + Sync>` (module `errcat::axum`) | `axum` 0.8, without default features |
//! | `actix-web` | `Responder` and `From<_> for actix_web::Error` for every derived type and `Box<dyn ApiError + Send + Sync>`, and `configure`, which answers actix-web's own failures from the catalog (module `errcat::actix_web`) | `actix-web` 4, without default features |
//! | `tracing` | each response [`http_response`] renders is logged, a 5xx at `ERROR` and a 4xx at `DEBUG`, with the code, the status, the value's `Debug` and, for a `std::error::Error`, its `Display` and `source()` chain (module `errcat::tracing`); `Debug` goes to the logs as it is | `tracing`, without default features |
//! | `registry` | `errcat::registry`: every derived, non-generic type linked into the binary, across crates, with no registration code; reports a code two of them define differently; `Docs::registry` renders their page | `linkme` |
//! | `contract` | `errcat::contract`: a checked-in lock file of the error contract (every code with its status, format, placeholders, members and headers; active, deprecated or retired) and the check that fails a test on a breaking change; with `registry`, over the whole binary | — |
//! | `utoipa` | [`utoipa::IntoResponses`](https://docs.rs/utoipa/5/utoipa/trait.IntoResponses.html) for every derived type: one response per status, a `oneOf` of its codes that client generators turn into a typed union, an example per code and the headers it sends (module `errcat::utoipa`); [`responses!`] for the errors of one operation | `utoipa` 5, with its `macros` feature only |
//! | `locales` | `#[api(locales = "locales")]`: translations in Fluent `<lang>.ftl` files, checked against the type at compile time; `ApiError::message_in`, `Envelope::in_locale`, `http_response_in`, `locale::negotiate` and `Accept-Language` negotiation in the axum `CatalogLayer` and the actix-web middleware `Negotiate` (module `errcat::locale`); with `docs`, pages in a language (`Docs::locale`) or all side by side (`Docs::locale_columns`) | `fluent-bundle`, `unic-langid`; `fluent-syntax` in the derive |
//!
//! Without any feature, errcat needs `http`, `serde_core`, `serde_json` and
//! `erased-serde`. A feature works whatever features your own crate
//! declares: generated code reaches serde, http and everything else through
//! `errcat`, so a crate that depends on errcat alone can derive and use all.
//!
//! ```
//! use errcat::{ApiError, Catalog, Envelope};
//! use errcat::http::StatusCode;
//!
//! /// Errors of the users API.
//! #[derive(Debug, ApiError)]
//! #[api(format = "nested")]
//! enum UserError {
//!     /// Each email belongs to one account.
//!     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use, please try another one.")]
//!     EmailAlreadyExists,
//!     #[api(status = NOT_FOUND, message = "No user {id}")]
//!     UserNotFound { id: u64 },
//! }
//!
//! let error = UserError::UserNotFound { id: 42 };
//! assert_eq!(error.status(), StatusCode::NOT_FOUND);
//! assert_eq!(error.code(), "UserNotFound");
//! assert_eq!(error.message().to_string(), "No user 42");
//!
//! let body = serde_json::to_string(&Envelope::new(&UserError::EmailAlreadyExists)).unwrap();
//! assert_eq!(
//!     body,
//!     r#"{"error":{"status":409,"message":"This email is already in use, please try another one.","code":"EmailAlreadyExists"}}"#,
//! );
//!
//! assert_eq!(
//!     UserError::MARKDOWN,
//!     "| Status | Code | Message | Description |\n\
//!      | --- | --- | --- | --- |\n\
//!      | 409 | EmailAlreadyExists | This email is already in use, please try another one. | Each email belongs to one account. |\n\
//!      | 404 | UserNotFound | No user {id} |  |\n",
//! );
//! ```
//!
//! The pieces:
//!
//! - [`ApiError`]: status, code, message and catalog entry of a value; object
//!   safe, so `&dyn ApiError` and `Box<dyn ApiError + Send + Sync>` work too.
//! - [`Catalog`]: every error of a type ([`ErrorEntry`] rows) and their
//!   markdown table, built at compile time; [`docs`] renders tables.
//! - [`Envelope`] and the formats in [`format`](mod@format): the body, as a serde
//!   `Serialize` value; [`http_response`]: the whole `http::Response`.
//! - [`ValidationErrors`]: per-field errors in the form Rails APIs send.
//!
//! # Attributes
//!
//! ## On the type
//!
//! | key | meaning |
//! |---|---|
//! | `status = 400` | default status of variants that give none |
//! | `format = "problem"` | format: `flat`, `nested`, `typed`, `described`, `oauth2`, `problem` (the default) — see [`format`](mod@format) — or the path of a unit struct implementing [`format::Format`] |
//! | `rename_all = "snake_case"` | codes derived from variant names: `lowercase`, `UPPERCASE`, `PascalCase`, `camelCase`, `snake_case`, `SCREAMING_SNAKE_CASE`, `kebab-case`, `SCREAMING-KEBAB-CASE` (serde's rules); without it a code is the variant name as written |
//! | `type_base = "https://example.com/errors/"` | `problem` format: `type` is this followed by the code; without it `about:blank` |
//! | `locales = "locales"` | with the `locales` feature: the folder (relative to the crate's manifest) of Fluent `<lang>.ftl` translations, each message id a code, checked at compile time; see the README's "Localized messages" |
//! | `fallback` / `fallback = "fr, it"` | with `locales`: codes a locale (every one, or those listed) does not translate are answered in the default language instead of being a compile error |
//! | `display` | also implement `Display`, writing the public message, and `std::error::Error` (which needs `Debug`) |
//! | `challenge = "Bearer realm=\"api\""` | `WWW-Authenticate` of 401 responses that have no header field for it |
//!
//! ```
//! use errcat::{ApiError, Catalog};
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 400, rename_all = "snake_case", display, challenge = "Bearer")]
//! enum OrderError {
//!     /// Uses the default status, 400.
//!     ParameterMissing,
//!     #[api(status = 401, message = "Sign in first")]
//!     Unauthenticated,
//! }
//!
//! assert_eq!(OrderError::ParameterMissing.status(), 400);
//! assert_eq!(OrderError::ParameterMissing.code(), "parameter_missing");
//! assert_eq!(OrderError::Unauthenticated.to_string(), "Sign in first");
//! let response = errcat::http_response(&OrderError::Unauthenticated);
//! assert_eq!(response.headers()["www-authenticate"], "Bearer");
//! ```
//!
//! ## On a variant (or on a struct, beside the type keys)
//!
//! | key | meaning |
//! |---|---|
//! | `status = 409`, `status = CONFLICT`, `status = StatusCode::CONFLICT` | an integer in 400–599, or an `http::StatusCode` constant |
//! | `code = "EmailAlreadyExists"` | the stable code (non-empty, no whitespace) |
//! | `message = "Couldn't find {model} with id {id}"` | the public message; without it, the status's reason phrase |
//! | `details = "..."` | a template for the `details` member |
//! | `transparent` | status, code, message, members and catalog rows all come from the single field, itself an `ApiError` |
//! | ``deprecated = "use `NewCode`"`` | the code is still sent; the row's [`deprecated`](ErrorEntry::deprecated) note, the docs' error table and example bodies, and the contract's lock say it is deprecated |
//!
//! Templates name fields as `{field}` (named fields) or `{0}` (tuple
//! fields), write braces as `{{` and `}}`, and use `Display` only, with fill,
//! alignment, width and precision (`{amount:>8.2}`, `{id:05}`); `{}`,
//! `{x:?}` and other traits are refused at compile time, as is a placeholder
//! naming no field. A literal message is written with `write_str`; none is
//! written through an allocation.
//!
//! ```
//! use errcat::{ApiError, Catalog};
//!
//! #[derive(Debug, ApiError)]
//! enum PaymentError {
//!     #[api(status = PAYMENT_REQUIRED, message = "Balance {1:.2} is below {0:.2} {{EUR}}")]
//!     Insufficient(f64, #[api(expose = "balance")] f64),
//!     /// The card network did not answer.
//!     #[api(status = http::StatusCode::GATEWAY_TIMEOUT)]
//!     Timeout,
//! }
//!
//! let error = PaymentError::Insufficient(10.0, 2.5);
//! assert_eq!(error.message().to_string(), "Balance 2.50 is below 10.00 {EUR}");
//! assert_eq!(PaymentError::Timeout.message().to_string(), "Gateway Timeout");
//! assert_eq!(PaymentError::ENTRIES[1].description, "The card network did not answer.");
//! ```
//!
//! `details` gives the body a `details` member (in the `flat` format, the
//! `details` of `{"message":..,"code":..,"details":..,"status_code":..}`), from
//! a template or, on a field, from the field's value; `type_base` names the
//! problem type of the default `problem` format:
//!
//! ```
//! use errcat::{ApiError, Envelope};
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "flat", rename_all = "snake_case")]
//! enum GroupError {
//!     #[api(status = 422, message = "Group not found", details = "Group {0} not found")]
//!     GroupNotFoundError(u32),
//!     #[api(status = 400, message = "Invalid group")]
//!     InvalidGroup {
//!         #[api(details)]
//!         reasons: Vec<&'static str>,
//!     },
//! }
//!
//! let body = serde_json::to_string(&Envelope::new(&GroupError::GroupNotFoundError(7))).unwrap();
//! assert_eq!(
//!     body,
//!     r#"{"message":"Group not found","code":"group_not_found_error","details":"Group 7 not found","status_code":422}"#,
//! );
//! let invalid = GroupError::InvalidGroup { reasons: vec!["name is blank"] };
//! assert_eq!(
//!     serde_json::to_string(&Envelope::new(&invalid)).unwrap(),
//!     r#"{"message":"Invalid group","code":"invalid_group","details":["name is blank"],"status_code":400}"#,
//! );
//!
//! #[derive(Debug, ApiError)]
//! #[api(type_base = "https://example.com/errors/")]
//! enum AccountError {
//!     #[api(status = 403, code = "out-of-credit", message = "Your balance is {balance}")]
//!     OutOfCredit { balance: u32 },
//! }
//!
//! let response = errcat::http_response(&AccountError::OutOfCredit { balance: 30 });
//! assert_eq!(response.headers()["content-type"], "application/problem+json");
//! assert_eq!(
//!     response.body(),
//!     br#"{"type":"https://example.com/errors/out-of-credit","title":"Forbidden","status":403,"detail":"Your balance is 30","code":"out-of-credit"}"#,
//! );
//! ```
//!
//! A struct is a single error and takes the keys of the type and of a
//! variant together; `transparent` wraps another error unchanged:
//!
//! ```
//! use errcat::{ApiError, Catalog};
//!
//! #[derive(Debug, ApiError)]
//! #[api(status = 404, code = "NotFound", message = "No {kind} {id}")]
//! struct NotFound {
//!     kind: &'static str,
//!     id: u64,
//! }
//!
//! #[derive(Debug, ApiError)]
//! enum AppError {
//!     #[api(transparent)]
//!     NotFound(NotFound),
//!     #[api(status = 500)]
//!     Internal,
//! }
//!
//! let error = AppError::NotFound(NotFound { kind: "order", id: 7 });
//! assert_eq!(error.status(), 404);
//! assert_eq!(error.message().to_string(), "No order 7");
//! let codes: Vec<_> = AppError::ENTRIES.iter().map(|entry| entry.code).collect();
//! assert_eq!(codes, ["NotFound", "Internal"]);
//! ```
//!
//! ## On a field
//!
//! Fields are private by default: only the message template and the fields
//! marked here reach the wire. A field's `Debug`, `Display` and `source` are
//! never serialized.
//!
//! | key | meaning |
//! |---|---|
//! | `expose`, `expose = "name"` | serialize the field as a member of the body under its name (`r#` removed) or the given one (required on tuple fields); members keep declaration order |
//! | `details` | the field's value is the `details` member |
//! | `header = "Retry-After"` | send the field's `Display` value as this response header (and not in the body) |
//! | `source` | with `display`: the field is what `std::error::Error::source` returns — an `Error`, a `Box<dyn Error + Send + Sync>` (or an alias of it), or an `Option` of one; refused with `expose`, `details`, `header` and in templates, since a source never reaches the wire |
//!
//! ```
//! use errcat::{ApiError, Envelope};
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "typed", rename_all = "snake_case")]
//! enum OrderError {
//!     #[api(status = 404, message = "Couldn't find {model} with 'id'={id}")]
//!     NotFound {
//!         #[api(expose)]
//!         id: String,
//!         #[api(expose)]
//!         model: &'static str,
//!         /// Never serialized: not exposed.
//!         query: String,
//!     },
//!     #[api(status = 429, message = "Slow down")]
//!     RateLimited {
//!         #[api(header = "Retry-After")]
//!         retry_after: u32,
//!     },
//! }
//!
//! let error = OrderError::NotFound {
//!     id: "232323".into(),
//!     model: "Order",
//!     query: "SELECT secret".into(),
//! };
//! assert_eq!(
//!     serde_json::to_string(&Envelope::new(&error)).unwrap(),
//!     r#"{"type":"not_found","message":"Couldn't find Order with 'id'=232323","id":"232323","model":"Order"}"#,
//! );
//! let response = errcat::http_response(&OrderError::RateLimited { retry_after: 30 });
//! assert_eq!(response.headers()["retry-after"], "30");
//! ```
//!
//! With `display`, a type is a `std::error::Error`: its `Display` is the
//! public message, its `source()` the `source` field (a `transparent`
//! variant's is the wrapped error's). To keep another `Display` for logs,
//! derive `thiserror::Error` beside `ApiError` instead, without `display`.
//!
//! ```
//! use std::error::Error;
//! use errcat::ApiError;
//!
//! #[derive(Debug, ApiError)]
//! #[api(display)]
//! enum StorageError {
//!     #[api(status = 503, message = "Storage is unavailable")]
//!     Unavailable {
//!         #[api(source)]
//!         cause: std::io::Error,
//!     },
//!     #[api(status = 500)]
//!     Upload(#[api(source)] Box<dyn Error + Send + Sync>),
//! }
//!
//! let error = StorageError::Unavailable { cause: std::io::Error::other("connection refused") };
//! assert_eq!(error.to_string(), "Storage is unavailable");
//! assert_eq!(error.source().unwrap().to_string(), "connection refused");
//! let body = errcat::http_response(&error).into_body();
//! assert!(!String::from_utf8(body).unwrap().contains("refused"));
//! ```
//!
//! Mistakes are compile errors that point at the offending tokens: an unknown
//! key or `StatusCode` name (with a suggestion), a status outside 400–599, a
//! repeated key or code, a placeholder naming no field, an exposed member
//! that would repeat one of the format's own (`code`, `message`, …), and more;
//! every problem of an input is reported in one compile.
//!
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

// First, so that `builtin_formats!` is in scope in the modules below.
#[macro_use]
mod shared;

mod api_error;
mod catalog;
pub mod client;
mod const_eval;
#[cfg(feature = "contract")]
pub mod contract;
#[cfg(any(feature = "registry", feature = "contract"))]
mod definitions;
pub mod docs;
mod envelope;
mod fields;
pub mod format;
mod integrations;
#[cfg(feature = "locales")]
pub mod locale;
#[cfg(not(feature = "locales"))]
mod locale;
mod markdown;
mod operation;
#[cfg(any(feature = "docs", feature = "utoipa"))]
mod placeholder;
mod reason;
mod rejection;
mod response;
mod schema;
mod validation;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

pub use crate::api_error::{ApiError, Describe, Message};
pub use crate::catalog::{Catalog, ErrorEntry};
pub use crate::envelope::Envelope;
pub use crate::format::Format;
#[allow(unused_imports, reason = "empty when no integration is enabled")]
pub use crate::integrations::*;
pub use crate::reason::reason_phrase;
pub use crate::rejection::{FromRejection, Rejection, RejectionKind};
#[cfg(feature = "locales")]
pub use crate::response::http_response_in;
pub use crate::response::{HEADER_FIELD_LIMIT, http_response, http_response_with};
pub use crate::validation::{FieldError, ValidationErrors};

#[cfg(feature = "derive")]
pub use errcat_derive::ApiError;

/// The `http` crate, whose `StatusCode` and `Response` errcat speaks.
pub use http;

/// The README's examples, compiled and run as doctests (they use `docs`).
#[cfg(all(doctest, feature = "docs"))]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
