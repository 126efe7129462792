//! The users API against its OpenAPI document: each route driven over TCP
//! through every error its declaration lists, and nothing else; each body
//! equal to the document's example for its code where the message has no
//! placeholder; `GET /openapi.json` the checked-in document.
//!
//! The test also writes every error it received (operation, status,
//! headers, body) as JSON to `openapi-bodies.json` in cargo's target `tmp`
//! folder, which `.ci/openapi-check` validates against the document's
//! schemas with a JSON Schema validator.

use std::collections::BTreeSet;
use std::time::Duration;

use serde_json::{Value, json};
use users_api::{Config, CreateUserErrors, FindUserErrors, SsoErrors};

/// One request: its operation in the document, and how it is sent.
struct Case {
    method: &'static str,
    path: &'static str,
    query: &'static str,
    token: Option<&'static str>,
    body: String,
    /// The code the server must answer with.
    code: &'static str,
}

const TOKEN: Option<&str> = Some("Bearer demo-token");

fn case(method: &'static str, path: &'static str, body: &str, code: &'static str) -> Case {
    Case {
        method,
        path,
        query: "",
        token: TOKEN,
        body: body.to_owned(),
        code,
    }
}

/// Every error each route declares, in an order whose state builds up.
fn cases() -> Vec<Case> {
    let ada = r#"{"username":"ada","email":"ada@example.com"}"#;
    let large = format!(
        r#"{{"username":"{}","email":"x@example.com"}}"#,
        "a".repeat(20_000)
    );
    let large_token = format!(r#"{{"token":"{}"}}"#, "a".repeat(20_000));
    let mut cases = Vec::new();
    for (method, path, body) in [
        ("POST", "/users", ada),
        ("GET", "/users", ""),
        ("POST", "/sso", r#"{"token":"x"}"#),
    ] {
        cases.push(Case {
            token: None,
            ..case(method, path, body, "UnauthorizedRequest")
        });
        cases.push(Case {
            token: Some("Bearer nope"),
            ..case(method, path, body, "InvalidApiToken")
        });
    }
    cases.extend([
        case("POST", "/users", "{", "InvalidInput"),
        case(
            "POST",
            "/users",
            r#"{"username":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","email":"a@example.com"}"#,
            "OutOfRangeUsername",
        ),
        case(
            "POST",
            "/users",
            r#"{"username":"a b","email":"a@example.com"}"#,
            "InvalidUsername",
        ),
        case(
            "POST",
            "/users",
            r#"{"username":"bob","email":"bob@example.org"}"#,
            "InvalidEmailDomain",
        ),
        case("POST", "/users", ada, "Created"),
        case(
            "POST",
            "/users",
            r#"{"username":"ada2","email":"ada@example.com"}"#,
            "EmailAlreadyExists",
        ),
        case(
            "POST",
            "/users",
            r#"{"username":"ada","email":"ada2@example.com"}"#,
            "UsernameAlreadyExists",
        ),
        case("POST", "/users", &large, "PayloadTooLarge"),
        case("GET", "/users", "", "MissingRequiredQueryParameter"),
        Case {
            query: "?username=nobody",
            ..case("GET", "/users", "", "UserNotFound")
        },
        case("POST", "/sso", "{", "InvalidInput"),
        case(
            "POST",
            "/sso",
            r#"{"token":"not json"}"#,
            "SSOTokenFailedToParse",
        ),
        case(
            "POST",
            "/sso",
            r#"{"token":"{\"name\":\"ada\"}"}"#,
            "InvalidSSOTokenPayload",
        ),
        case("POST", "/sso", &large_token, "PayloadTooLarge"),
    ]);
    cases
}

/// The codes the document's operation declares, from its error set.
fn declared(method: &str, path: &str) -> &'static [&'static str] {
    match (method, path) {
        ("POST", "/users") => CreateUserErrors::CODES,
        ("GET", "/users") => FindUserErrors::CODES,
        ("POST", "/sso") => SsoErrors::CODES,
        _ => panic!("no operation {method} {path}"),
    }
}

/// The code of a nested body, `{"error":{"code":...}}`.
fn code_of(body: &Value) -> Option<&str> {
    body["error"]["code"].as_str()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_route_sends_exactly_the_errors_it_declares() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = Config {
        token: "demo-token".to_owned(),
        allowed_domains: vec!["example.com".to_owned()],
    };
    // The server task ends with the test's runtime.
    tokio::spawn(async move {
        axum::serve(listener, users_api::axum::router(config))
            .await
            .unwrap();
    });
    let client = reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();

    let served = client
        .get(format!("{base}/openapi.json"))
        .send()
        .await
        .unwrap();
    assert_eq!(served.headers()["content-type"], "application/json");
    let served = served.text().await.unwrap();
    assert_eq!(served, users_api::axum::openapi_json());
    let document: Value = serde_json::from_str(&served).unwrap();

    let mut seen: BTreeSet<(&str, &str, &str)> = BTreeSet::new();
    let mut received = Vec::new();
    for case in cases() {
        let method = reqwest::Method::from_bytes(case.method.as_bytes()).unwrap();
        let mut request = client
            .request(method, format!("{base}{}{}", case.path, case.query))
            .header("content-type", "application/json")
            .body(case.body.clone());
        if let Some(token) = case.token {
            request = request.header("authorization", token);
        }
        let response = request.send().await.unwrap();
        let status = response.status().as_u16();
        let headers: serde_json::Map<String, Value> = response
            .headers()
            .iter()
            .map(|(name, value)| (name.as_str().to_owned(), json!(value.to_str().unwrap())))
            .collect();
        let body: Value = serde_json::from_slice(&response.bytes().await.unwrap()).unwrap();
        let what = format!("{} {} for {}", case.method, case.path, case.code);
        if case.code == "Created" {
            assert_eq!(status, 201, "{what}");
            continue;
        }
        let code = code_of(&body).unwrap_or_else(|| panic!("{what}: no code in {body}"));
        assert_eq!(code, case.code, "{what}");
        assert!(
            declared(case.method, case.path).contains(&code),
            "{what}: the route sent `{code}`, which its declaration lacks"
        );
        seen.insert((case.method, case.path, case.code));

        let operation = &document["paths"][case.path][case.method.to_ascii_lowercase()];
        let response = &operation["responses"][status.to_string()];
        let example = &response["content"]["application/json"]["examples"][code]["value"];
        assert!(
            example.is_object(),
            "{what}: no example for `{code}` under {status}"
        );
        if !example["error"]["message"].as_str().unwrap().contains('<') {
            assert_eq!(example, &body, "{what}: the example is not the body sent");
        }
        for name in response["headers"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(name, _)| name)
        {
            assert!(
                headers.contains_key(&name.to_ascii_lowercase()),
                "{what}: no {name}"
            );
        }
        received.push(json!({
            "method": case.method.to_ascii_lowercase(),
            "path": case.path,
            "status": status.to_string(),
            "headers": headers,
            "body": body,
        }));
    }
    // Every declared code was sent by its route.
    for (method, path) in [("POST", "/users"), ("GET", "/users"), ("POST", "/sso")] {
        for code in declared(method, path) {
            assert!(
                seen.contains(&(method, path, code)),
                "{method} {path} never sent `{code}`"
            );
        }
    }
    let path = concat!(env!("CARGO_TARGET_TMPDIR"), "/openapi-bodies.json");
    std::fs::write(path, serde_json::to_string_pretty(&received).unwrap()).unwrap();
}
