//! A users API whose errors all come from one errcat catalog, served by
//! axum (`users-api`) and by actix-web (`users-api-actix`) from the same
//! rules.
//!
//! ```sh
//! cargo run -p users-api                   # axum, 127.0.0.1:3000
//! cargo run -p users-api -- --port 8080    # or PORT=8080; 0 picks a free port
//! cargo run -p users-api --features actix --bin users-api-actix
//! curl -i -X POST localhost:3000/users -H 'Authorization: Bearer demo-token' \
//!      -H 'Content-Type: application/json' -d '{"username":"ada","email":"ada@example.com"}'
//! ```
//!
//! | route | answers |
//! |---|---|
//! | `POST /users` `{"username":..,"email":..}` | 201 and the user; `EmailAlreadyExists` / `UsernameAlreadyExists` (409), `OutOfRangeUsername`, `InvalidUsername`, `InvalidEmailDomain`, `InvalidInput` (400) |
//! | `GET /users?username=..` | the user; `UserNotFound` (404); `MissingRequiredQueryParameter` (400) without a username |
//! | `POST /sso` `{"token":..}` | the session; `SSOTokenFailedToParse`, `InvalidSSOTokenPayload` (400) |
//! | `GET /errors` | the catalog, as a markdown table |
//! | `GET /openapi.json` | the OpenAPI 3.1 document (`docs/openapi.json`): each route's errors, declared with `errcat::responses!` in `catalog.rs` |
//!
//! Every route but `/errors` needs `Authorization: Bearer <token>` (the token
//! from `API_TOKEN`, default `demo-token`): without it `UnauthorizedRequest`
//! (401, with `WWW-Authenticate`), with another `InvalidApiToken` (400). New
//! users' emails must be in `ALLOWED_DOMAINS` (default `example.com`). A body
//! that is not JSON, lacks a field or has another content type is
//! `InvalidInput`; an unknown path `RouteNotFound`, another method
//! `MethodNotAllowed`, a body over 16 KiB `PayloadTooLarge`: the framework's
//! own failures are in the catalog's envelope too.

// A variant's doc comment is its description in the catalog, and the users
// API documents most of its errors by their message alone.
#![allow(missing_docs)]

use std::fmt::Write as _;

use errcat::{ApiError, Catalog};

pub mod catalog;
pub mod service;

#[cfg(feature = "actix")]
pub mod actix;
#[cfg(feature = "axum")]
pub mod axum;

pub use self::catalog::{CreateUserErrors, FindUserErrors, ServiceError, SsoErrors, UsersError};
pub use self::service::{Config, Service};

/// The largest request body the servers read.
pub const BODY_LIMIT: usize = 16 * 1024;

/// The media type of `GET /errors`.
pub const MARKDOWN_TYPE: &str = "text/markdown; charset=utf-8";

/// What the servers print before they listen: the catalog's table, a blank
/// line, then one line per sample error.
#[must_use]
pub fn output() -> String {
    let mut out = format!("{}\n", UsersError::MARKDOWN);
    for error in [
        UsersError::EmailAlreadyExists,
        UsersError::GroupNotFound,
        UsersError::Internal,
    ] {
        let _ = writeln!(
            out,
            "{} {} {}",
            error.status().as_u16(),
            error.code(),
            error.message()
        );
    }
    out
}
