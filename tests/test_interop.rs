//! Bodies read back by other crates' clients: OAuth 2.0 token errors by the
//! `oauth2` crate, problem details by `http-api-problem` (RFC 9457).

use errcat::format::{Nested, OAuth2, Problem};
use errcat::{ApiError, Envelope};
use http::StatusCode;
use http_api_problem::{HttpApiProblem, PROBLEM_JSON_MEDIA_TYPE};
use oauth2::StandardErrorResponse;
use oauth2::basic::BasicErrorResponseType;

type TokenErrorResponse = StandardErrorResponse<BasicErrorResponseType>;

/// Token endpoint errors, RFC 6749 §5.2.
#[derive(Debug, ApiError)]
#[api(format = "oauth2", rename_all = "snake_case")]
enum TokenError {
    #[api(
        status = 400,
        message = "The request is missing the \"{param}\" parameter"
    )]
    InvalidRequest { param: &'static str },
    #[api(status = 401, message = "Client authentication failed")]
    InvalidClient,
    #[api(status = 400, message = "The authorization code {grant} expired")]
    InvalidGrant { grant: &'static str },
    #[api(
        status = 400,
        message = "This client may not use the {grant_type} grant"
    )]
    UnauthorizedClient { grant_type: &'static str },
    #[api(status = 400, message = "Grant type {grant_type} is not supported")]
    UnsupportedGrantType { grant_type: &'static str },
    #[api(status = 400, message = "Scope “{scope}” is unknown")]
    InvalidScope { scope: &'static str },
    #[api(status = 500)]
    ServerError,
    #[api(status = 400, message = "Resource {resource} is unknown")]
    InvalidTarget {
        resource: &'static str,
        #[api(expose)]
        error_uri: &'static str,
    },
}

fn read_token_error(body: &[u8]) -> TokenErrorResponse {
    serde_json::from_slice(body).expect("the oauth2 crate reads the body")
}

/// The error type and description the `oauth2` crate reads from the
/// response, after checking its status and headers.
fn token_error_response<E: ApiError>(error: &E) -> (BasicErrorResponseType, Option<String>) {
    let response = errcat::http_response(error);
    assert_eq!(response.status(), error.status());
    assert_eq!(response.headers()["content-type"], "application/json");
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["pragma"], "no-cache");
    let read = read_token_error(response.body());
    assert_eq!(read.error_uri(), None);
    (read.error().clone(), read.error_description().cloned())
}

#[test]
fn oauth2_crate_reads_token_errors() {
    let cases = [
        (
            TokenError::InvalidRequest {
                param: "grant_type",
            },
            BasicErrorResponseType::InvalidRequest,
            "The request is missing the 'grant_type' parameter",
        ),
        (
            TokenError::InvalidClient,
            BasicErrorResponseType::InvalidClient,
            "Client authentication failed",
        ),
        (
            TokenError::InvalidGrant { grant: "SplxlOBe" },
            BasicErrorResponseType::InvalidGrant,
            "The authorization code SplxlOBe expired",
        ),
        (
            TokenError::UnauthorizedClient {
                grant_type: "password",
            },
            BasicErrorResponseType::UnauthorizedClient,
            "This client may not use the password grant",
        ),
        (
            TokenError::UnsupportedGrantType {
                grant_type: "urn:example:magic",
            },
            BasicErrorResponseType::UnsupportedGrantType,
            "Grant type urn:example:magic is not supported",
        ),
        (
            TokenError::InvalidScope {
                scope: "admin\\all",
            },
            BasicErrorResponseType::InvalidScope,
            "Scope 'admin/all' is unknown",
        ),
        (
            TokenError::ServerError,
            BasicErrorResponseType::Extension("server_error".to_owned()),
            "Internal Server Error",
        ),
    ];
    for (error, kind, description) in cases {
        assert_eq!(
            token_error_response(&error),
            (kind, Some(description.to_owned())),
        );
    }
}

#[test]
fn oauth2_crate_reads_an_exposed_error_uri() {
    let error = TokenError::InvalidTarget {
        resource: "https://api.example/",
        error_uri: "https://docs.example/errors#invalid_target",
    };
    let body = serde_json::to_vec(&Envelope::new(&error)).unwrap();
    assert_eq!(
        body,
        br#"{"error":"invalid_target","error_description":"Resource https://api.example/ is unknown","error_uri":"https://docs.example/errors#invalid_target"}"#,
    );
    let read = read_token_error(&body);
    assert_eq!(
        read.error(),
        &BasicErrorResponseType::Extension("invalid_target".to_owned()),
    );
    assert_eq!(
        read.error_description().map(String::as_str),
        Some("Resource https://api.example/ is unknown"),
    );
    assert_eq!(
        read.error_uri().map(String::as_str),
        Some("https://docs.example/errors#invalid_target"),
    );
}

/// A type in another shape, sent as an OAuth 2.0 error.
#[derive(Debug, ApiError)]
#[api(format = "nested", rename_all = "snake_case")]
enum SessionError {
    #[api(
        status = 400,
        message = "Refresh token {token} was revoked\nby \"admin\""
    )]
    InvalidGrant { token: &'static str },
}

#[test]
fn oauth2_crate_reads_with_format_oauth2() {
    let error = SessionError::InvalidGrant { token: "tGzv3JO" };
    let response = errcat::http_response_with(&error, OAuth2);
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let read = read_token_error(response.body());
    assert_eq!(read.error(), &BasicErrorResponseType::InvalidGrant);
    assert_eq!(
        read.error_description().map(String::as_str),
        Some("Refresh token tGzv3JO was revoked by 'admin'"),
    );
    // Its own shape is not an OAuth 2.0 error.
    let nested = serde_json::to_vec(&Envelope::with_format(&error, Nested)).unwrap();
    assert!(serde_json::from_slice::<TokenErrorResponse>(&nested).is_err());
}

// RFC 9457 problem details.

#[derive(Debug, ApiError)]
#[api(type_base = "https://example.com/probs/", rename_all = "kebab-case")]
enum AccountError {
    #[api(
        status = 403,
        message = "Your current balance is {balance}, but that costs {price}."
    )]
    OutOfCredit {
        #[api(expose)]
        balance: u32,
        price: u32,
        #[api(expose)]
        accounts: Vec<&'static str>,
    },
    #[api(status = 499)]
    ClientClosedRequest,
}

#[derive(Debug, ApiError)]
#[api(format = "typed")]
enum PlainError {
    #[api(status = 404, code = "no_such_account", message = "No account {id}")]
    NoSuchAccount {
        #[api(expose)]
        id: u64,
    },
}

fn read_problem(response: &http::Response<Vec<u8>>) -> HttpApiProblem {
    assert_eq!(response.headers()["content-type"], PROBLEM_JSON_MEDIA_TYPE);
    serde_json::from_slice(response.body()).expect("http-api-problem reads the body")
}

#[test]
fn http_api_problem_reads_problem_details() {
    let error = AccountError::OutOfCredit {
        balance: 30,
        price: 50,
        accounts: vec!["/account/12345", "/account/67890"],
    };
    let problem = read_problem(&errcat::http_response(&error));
    assert_eq!(
        problem.type_url.as_deref(),
        Some("https://example.com/probs/out-of-credit"),
    );
    assert_eq!(problem.title.as_deref(), Some("Forbidden"));
    assert_eq!(problem.status, Some(StatusCode::FORBIDDEN));
    assert_eq!(
        problem.detail.as_deref(),
        Some("Your current balance is 30, but that costs 50."),
    );
    assert_eq!(problem.instance, None);
    assert_eq!(
        problem.json_value("code"),
        Some(&serde_json::json!("out-of-credit"))
    );
    assert_eq!(problem.get_value::<&str, u32>("balance"), Some(30));
    assert_eq!(
        problem.get_value::<&str, Vec<String>>("accounts"),
        Some(vec![
            "/account/12345".to_owned(),
            "/account/67890".to_owned()
        ]),
    );
    // Private fields are no extension members.
    assert_eq!(problem.json_value("price"), None);
    let mut keys: Vec<&str> = problem
        .additional_fields()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    assert_eq!(keys, ["accounts", "balance", "code"]);
}

#[test]
fn http_api_problem_reads_about_blank_and_fallback_titles() {
    let problem = read_problem(&errcat::http_response(&AccountError::ClientClosedRequest));
    assert_eq!(
        problem.type_url.as_deref(),
        Some("https://example.com/probs/client-closed-request"),
    );
    assert_eq!(problem.title.as_deref(), Some("Client Error"));
    assert_eq!(problem.status.map(|status| status.as_u16()), Some(499));
    assert_eq!(problem.detail.as_deref(), Some("Client Error"));
    assert_eq!(
        problem.json_value("code"),
        Some(&serde_json::json!("client-closed-request")),
    );

    // A type in another shape, sent as a problem: no `type_base`, so
    // `about:blank`.
    let error = PlainError::NoSuchAccount { id: 12345 };
    let problem = read_problem(&errcat::http_response_with(&error, Problem));
    assert_eq!(problem.type_url.as_deref(), Some("about:blank"));
    assert_eq!(problem.title.as_deref(), Some("Not Found"));
    assert_eq!(problem.status, Some(StatusCode::NOT_FOUND));
    assert_eq!(problem.detail.as_deref(), Some("No account 12345"));
    assert_eq!(
        problem.json_value("code"),
        Some(&serde_json::json!("no_such_account"))
    );
    assert_eq!(problem.get_value::<&str, u64>("id"), Some(12345));
}
