//! Every example, run in-process: each is included as a module and its
//! `output()` (what its `main` prints) is compared with the golden file
//! `tests/fixtures/examples/<name>.txt`, byte for byte.
//!
//! After a deliberate change of an example, rewrite the golden files with
//! `ERRCAT_BLESS=1 cargo test --test test_examples`, then read the diff.
//!
//! The users API's servers (`examples/users-api`) are driven over TCP in
//! `tests/test_users_api.rs`.

// `flat_api` and `oauth_server` each declare the examples' `support` module,
// so this crate holds two copies of it.
#![allow(clippy::duplicate_mod)]

use std::path::Path;

use errcat::{ApiError, Catalog};

#[allow(dead_code)]
#[path = "../examples/flat_api.rs"]
mod flat_api;

#[allow(dead_code)]
#[path = "../examples/oauth_server.rs"]
mod oauth_server;

#[allow(dead_code)]
#[path = "../examples/ticketing.rs"]
mod ticketing;

/// Compares `actual` with the golden file of example `name`, or rewrites the
/// file when `ERRCAT_BLESS=1`.
fn check_golden(name: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/examples")
        .join(format!("{name}.txt"));
    // Fails with a line diff while the golden file is stale;
    // ERRCAT_BLESS=1 rewrites it.
    errcat::docs::sync(&path, actual).unwrap();
}

/// Whether `output` has `line` as one of its lines.
fn has_line(output: &str, line: &str) -> bool {
    output.lines().any(|printed| printed == line)
}

/// The codes of `samples`, to compare with those of the catalog.
fn codes<E: ApiError>(samples: impl IntoIterator<Item = E>) -> Vec<&'static str> {
    samples.into_iter().map(|error| error.code()).collect()
}

fn catalog_codes<E: Catalog>() -> Vec<&'static str> {
    E::ENTRIES.iter().map(|entry| entry.code).collect()
}

#[test]
fn users_api_prints_its_golden_output() {
    check_golden("users_api", &users_api::output());
}

/// The port the server listens on: `--port`, else `PORT`, else 3000.
#[test]
fn users_api_port() {
    let args = |args: &[&str]| args.iter().map(|arg| (*arg).to_owned()).collect::<Vec<_>>();
    let port = |given: &[&str], variable: Option<&str>| {
        users_api::service::port(args(given).into_iter(), variable.map(str::to_owned))
    };
    assert_eq!(port(&[], None), Ok(3000));
    assert_eq!(port(&[], Some("8080")), Ok(8080));
    assert_eq!(port(&["--port", "0"], Some("8080")), Ok(0));
    assert_eq!(port(&["--port=4000"], None), Ok(4000));
    assert_eq!(
        port(&["--port", "http"], None),
        Err(r#"not a port number: "http""#.to_owned())
    );
    assert_eq!(
        port(&["--port"], None),
        Err("--port needs a number".to_owned())
    );
    assert_eq!(
        port(&["8080"], None),
        Err(r#"unknown argument "8080"; try --port 3000"#.to_owned())
    );
}

/// The server's catalog: the seed's 19 errors, then those of HTTP itself.
#[test]
fn users_api_service_catalog_extends_the_seed() {
    let service = catalog_codes::<users_api::ServiceError>();
    assert_eq!(service[..19], catalog_codes::<users_api::UsersError>());
    assert_eq!(
        service[19..],
        [
            "UserNotFound",
            "RouteNotFound",
            "MethodNotAllowed",
            "PayloadTooLarge"
        ]
    );
}

/// The README's axum excerpt is not compiled there: each of its lines must
/// be a line of the example or of its catalog, which are.
#[test]
fn readme_axum_excerpt_is_from_users_api() {
    let readme = include_str!("../README.md");
    let section = &readme[readme.find("\n## Use with axum\n").unwrap()..];
    let start = section.find("```rust,ignore\n").unwrap() + "```rust,ignore\n".len();
    let excerpt = &section[start..start + section[start..].find("```").unwrap()];
    let sources = [
        include_str!("../examples/users-api/src/axum.rs"),
        include_str!("../examples/users-api/src/catalog.rs"),
    ];
    let example: Vec<&str> = sources
        .iter()
        .flat_map(|source| source.lines())
        .map(str::trim)
        .collect();
    for line in excerpt.lines().map(str::trim) {
        if !line.is_empty() && line != "// ..." {
            assert!(example.contains(&line), "not in examples/users-api: {line}");
        }
    }
}

#[test]
fn flat_api_prints_its_golden_output() {
    check_golden("flat_api", &flat_api::output());
}

#[test]
fn ticketing_prints_its_golden_output() {
    check_golden("ticketing", &ticketing::output());
}

#[test]
fn oauth_server_prints_its_golden_output() {
    check_golden("oauth_server", &oauth_server::output());
}

/// Seed 000's example, minified.
#[test]
fn flat_api_prints_seed_000_example() {
    assert!(has_line(
        &flat_api::output(),
        r#"{"message":"Group not found","code":"group_not_found_error","details":"Group not found","status_code":422}"#,
    ));
}

/// Seed 002's "Example Order Validation Error", minified.
#[test]
fn ticketing_prints_seed_002_validation_example() {
    assert!(has_line(
        &ticketing::output(),
        r#"{"type":"validation_error","message":"First name Required, Last name Required, Email Required, and Guest Required","errors":{"order":[{"field":"first_name","code":"blank","message":"Required"},{"field":"last_name","code":"blank","message":"Required"},{"field":"email","code":"blank","message":"Required"},{"field":"guest","code":"blank","message":"Required"}],"tickets":{"2148082":[{"field":"guest","code":"blank","message":"can't be blank"}]}}}"#,
    ));
}

/// The examples print one response per error of their catalogs, in order.
#[test]
fn samples_cover_every_catalog_entry() {
    assert_eq!(
        codes(flat_api::samples()),
        catalog_codes::<flat_api::AllphinsError>()
    );
    assert_eq!(
        codes(ticketing::samples()),
        catalog_codes::<ticketing::TicketingError>()
    );
    assert_eq!(
        codes(oauth_server::resource_samples()),
        catalog_codes::<oauth_server::ResourceError>()
    );
    assert_eq!(
        codes(oauth_server::oauth_samples()),
        catalog_codes::<oauth_server::OAuthError>()
    );
}

/// RFC 6749 §5.2: a 401 from the token endpoint names the scheme to use, and
/// RFC 6750 §3 adds the error to the challenge.
#[test]
fn oauth_invalid_client_carries_the_challenge() {
    let response = errcat::http_response(&oauth_server::OAuthError::InvalidClient);
    assert_eq!(response.status(), 401);
    assert_eq!(
        response.headers()["www-authenticate"],
        r#"Bearer realm="api", error="invalid_client", error_description="The client id or client secret is invalid""#,
    );
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["pragma"], "no-cache");
}

/// The token errors read back by the `oauth2` crate's client types, the
/// non-standard `forbidden_scope` as an extension.
#[test]
fn oauth2_crate_reads_oauth_server_errors() {
    use oauth2::StandardErrorResponse;
    use oauth2::basic::BasicErrorResponseType;

    for error in oauth_server::oauth_samples() {
        let response = errcat::http_response(&error);
        let read: StandardErrorResponse<BasicErrorResponseType> =
            serde_json::from_slice(response.body()).expect("the oauth2 crate reads the body");
        assert_eq!(read.error().as_ref(), error.code());
        // RFC 6749 allows no `"` in a description: errcat sends `'` instead.
        let description = error.message().to_string().replace('"', "'");
        assert_eq!(read.error_description(), Some(&description));
    }
}
