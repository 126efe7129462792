//! The users API's two servers, axum and actix-web, each started on
//! `127.0.0.1:0` and driven over TCP by reqwest through one table of cases:
//! every error the API sends, with its status, headers and exact body, and a
//! bounded load of errors of every kind.

#![cfg(feature = "actix-web")]

use std::net::TcpListener;
use std::time::Duration;

use errcat::Catalog;
use users_api::{Config, ServiceError, UsersError};

/// A running server and how to stop it.
struct Running {
    base: String,
    stop: Option<Box<dyn FnOnce() + Send>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Drop for Running {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            stop();
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn listener() -> (TcpListener, String) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    (listener, base)
}

fn config() -> Config {
    Config {
        token: "demo-token".to_owned(),
        allowed_domains: vec!["example.com".to_owned()],
    }
}

fn start_axum() -> Running {
    let (listener, base) = listener();
    listener.set_nonblocking(true).unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).unwrap();
            axum::serve(listener, users_api::axum::router(config()))
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await
                .unwrap();
        });
    });
    Running {
        base,
        stop: Some(Box::new(move || {
            let _ = stop.send(());
        })),
        thread: Some(thread),
    }
}

fn start_actix() -> Running {
    let (listener, base) = listener();
    let (handle_sender, handle) = std::sync::mpsc::channel();
    let thread = std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = users_api::actix::serve(listener, config()).unwrap();
            handle_sender.send(server.handle()).unwrap();
            server.await.unwrap();
        });
    });
    let handle = handle.recv().unwrap();
    Running {
        base,
        // Stopped from a thread of its own: the test's runtime cannot block.
        stop: Some(Box::new(move || {
            let stopping = std::thread::spawn(move || {
                actix_web::rt::System::new().block_on(handle.stop(true));
            });
            let _ = stopping.join();
        })),
        thread: Some(thread),
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// One request of the table.
#[derive(Clone, Copy)]
struct Request {
    method: &'static str,
    path: &'static str,
    token: Option<&'static str>,
    content_type: Option<&'static str>,
    body: &'static str,
}

const TOKEN: Option<&str> = Some("Bearer demo-token");
const JSON: Option<&str> = Some("application/json");

fn post(path: &'static str, body: &'static str) -> Request {
    Request {
        method: "POST",
        path,
        token: TOKEN,
        content_type: JSON,
        body,
    }
}

fn get(path: &'static str) -> Request {
    Request {
        method: "GET",
        path,
        token: TOKEN,
        content_type: None,
        body: "",
    }
}

/// What a request must get: an error of the catalog, or a success.
enum Expected {
    Error(ServiceError),
    Ok(u16, &'static str),
}

fn error(error: impl Into<ServiceError>) -> Expected {
    Expected::Error(error.into())
}

async fn send(client: &reqwest::Client, base: &str, request: Request) -> reqwest::Response {
    let method = reqwest::Method::from_bytes(request.method.as_bytes()).unwrap();
    let mut builder = client.request(method, format!("{base}{}", request.path));
    if let Some(token) = request.token {
        builder = builder.header("authorization", token);
    }
    if let Some(content_type) = request.content_type {
        builder = builder.header("content-type", content_type);
    }
    builder.body(request.body).send().await.unwrap()
}

/// Asserts that `response` is what `expected` says: for an error, the
/// status, every header but `date`, `content-length` and `allow`, and the body
/// bytes of `errcat::http_response`.
async fn check(response: reqwest::Response, expected: &Expected, what: &str) -> Vec<u8> {
    let status = response.status().as_u16();
    let mut headers: Vec<(String, Vec<u8>)> = response
        .headers()
        .iter()
        // axum keeps its 405's `Allow`, which errcat's response does not know.
        .filter(|(name, _)| !matches!(name.as_str(), "date" | "content-length" | "allow"))
        .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
        .collect();
    headers.sort();
    let body = response.bytes().await.unwrap().to_vec();
    match expected {
        Expected::Error(error) => {
            let wanted = errcat::http_response(error);
            let mut wanted_headers: Vec<(String, Vec<u8>)> = wanted
                .headers()
                .iter()
                .map(|(name, value)| (name.as_str().to_owned(), value.as_bytes().to_vec()))
                .collect();
            wanted_headers.sort();
            assert_eq!(status, wanted.status().as_u16(), "{what}");
            assert_eq!(headers, wanted_headers, "{what}");
            assert_eq!(
                String::from_utf8_lossy(&body),
                String::from_utf8_lossy(wanted.body()),
                "{what}"
            );
        }
        Expected::Ok(wanted_status, wanted_body) => {
            assert_eq!(status, *wanted_status, "{what}");
            assert_eq!(String::from_utf8_lossy(&body), *wanted_body, "{what}");
        }
    }
    body
}

/// The documented body of a duplicate email, minified: what the server must
/// send byte for byte.
fn documented_duplicate_email() -> String {
    let pretty = include_str!("fixtures/seed_004_email_already_exists.json");
    let lines: Vec<&str> = pretty.lines().map(str::trim).collect();
    lines.concat().replace("\": ", "\":")
}

/// Every case, in order: the state they build on is the server's own.
fn cases() -> Vec<(&'static str, Request, Expected)> {
    let ada = r#"{"username":"ada","email":"ada@example.com"}"#;
    let long = r#"{"username":"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa","email":"long@example.com"}"#;
    vec![
        (
            "no token",
            Request {
                token: None,
                ..post("/users", ada)
            },
            error(UsersError::UnauthorizedRequest),
        ),
        (
            "no token and a body that is not JSON",
            Request {
                token: None,
                ..post("/users", "{")
            },
            error(UsersError::UnauthorizedRequest),
        ),
        (
            "another token",
            Request {
                token: Some("Bearer nope"),
                ..post("/users", ada)
            },
            error(UsersError::InvalidApiToken),
        ),
        (
            "a new user",
            post("/users", ada),
            Expected::Ok(
                201,
                r#"{"id":1,"username":"ada","email":"ada@example.com"}"#,
            ),
        ),
        (
            "a taken email",
            post("/users", r#"{"username":"ada2","email":"ada@example.com"}"#),
            error(UsersError::EmailAlreadyExists),
        ),
        (
            "a taken username",
            post("/users", r#"{"username":"ada","email":"ada2@example.com"}"#),
            error(UsersError::UsernameAlreadyExists),
        ),
        (
            "a username of 33 characters",
            post("/users", long),
            error(UsersError::OutOfRangeUsername),
        ),
        (
            "another email domain",
            post("/users", r#"{"username":"bob","email":"bob@example.org"}"#),
            error(UsersError::InvalidEmailDomain),
        ),
        (
            "a body that is not JSON",
            post("/users", "{"),
            error(UsersError::InvalidInput),
        ),
        (
            "a missing field",
            post("/users", r#"{"username":"bob"}"#),
            error(UsersError::InvalidInput),
        ),
        (
            "a field of the wrong type",
            post("/users", r#"{"username":1,"email":"bob@example.com"}"#),
            error(UsersError::InvalidInput),
        ),
        (
            "another content type",
            Request {
                content_type: Some("text/plain"),
                ..post("/users", ada)
            },
            error(UsersError::InvalidInput),
        ),
        (
            "a user by name",
            get("/users?username=ada"),
            Expected::Ok(
                200,
                r#"{"id":1,"username":"ada","email":"ada@example.com"}"#,
            ),
        ),
        (
            "no such user",
            get("/users?username=n%22o%0D%0Abody"),
            error(ServiceError::UserNotFound {
                username: "n\"o\r\nbody".to_owned(),
            }),
        ),
        (
            "no username",
            get("/users"),
            error(UsersError::MissingRequiredQueryParameter),
        ),
        (
            "a token that does not parse",
            post("/sso", r#"{"token":"not json"}"#),
            error(UsersError::SsoTokenFailedToParse),
        ),
        (
            "a token without an email",
            post("/sso", r#"{"token":"{\"name\":\"ada\"}"}"#),
            error(UsersError::InvalidSsoTokenPayload),
        ),
        (
            "a session",
            post("/sso", r#"{"token":"{\"email\":\"ada@example.com\"}"}"#),
            Expected::Ok(200, r#"{"email":"ada@example.com"}"#),
        ),
        (
            "the catalog, without a token",
            Request {
                token: None,
                ..get("/errors")
            },
            Expected::Ok(200, ServiceError::MARKDOWN),
        ),
        (
            "an unknown path",
            get("/nowhere"),
            error(ServiceError::RouteNotFound),
        ),
        (
            "another method",
            Request {
                method: "DELETE",
                ..get("/users")
            },
            error(ServiceError::MethodNotAllowed),
        ),
    ]
}

async fn run_table(base: &str) {
    let client = client();
    for (what, request, expected) in cases() {
        let response = send(&client, base, request).await;
        let content_type = response.headers().get("content-type").cloned();
        let body = check(response, &expected, what).await;
        if what == "a taken email" {
            assert_eq!(
                String::from_utf8(body).unwrap(),
                documented_duplicate_email()
            );
        }
        if what == "the catalog, without a token" {
            assert_eq!(content_type.unwrap(), users_api::MARKDOWN_TYPE);
        }
        if what == "no token" {
            let response = send(&client, base, request).await;
            assert_eq!(
                response.headers()["www-authenticate"],
                "Bearer realm=\"users\""
            );
        }
    }
}

/// Errors of every kind that need no state, sent by `clients` clients
/// `each` times each, every answer checked.
async fn run_load(base: &str, clients: usize, each: usize) {
    let stateless: Vec<(Request, fn() -> ServiceError)> = vec![
        (
            Request {
                token: None,
                ..post("/users", r#"{"username":"x","email":"x@example.com"}"#)
            },
            || UsersError::UnauthorizedRequest.into(),
        ),
        (
            Request {
                token: Some("Bearer nope"),
                ..get("/users")
            },
            || UsersError::InvalidApiToken.into(),
        ),
        (get("/users"), || {
            UsersError::MissingRequiredQueryParameter.into()
        }),
        (get("/users?username=nobody"), || {
            ServiceError::UserNotFound {
                username: "nobody".to_owned(),
            }
        }),
        (post("/users", "{"), || UsersError::InvalidInput.into()),
        (post("/sso", r#"{"token":"x"}"#), || {
            UsersError::SsoTokenFailedToParse.into()
        }),
        (get("/nowhere"), || ServiceError::RouteNotFound),
        (
            Request {
                method: "PUT",
                ..get("/sso")
            },
            || ServiceError::MethodNotAllowed,
        ),
    ];
    let stateless = std::sync::Arc::new(stateless);
    let tasks: Vec<_> = (0..clients)
        .map(|task| {
            let base = base.to_owned();
            let stateless = std::sync::Arc::clone(&stateless);
            tokio::spawn(async move {
                let client = client();
                for request in 0..each {
                    let (request, expected) = &stateless[(task + request) % stateless.len()];
                    let response = send(&client, &base, *request).await;
                    let expected = Expected::Error(expected());
                    check(response, &expected, "load").await;
                }
            })
        })
        .collect();
    let all = async {
        for task in tasks {
            task.await.unwrap();
        }
    };
    // A guard against a hang, not a measurement.
    tokio::time::timeout(Duration::from_secs(300), all)
        .await
        .expect("the load finishes");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn axum_server_answers_every_case() {
    let server = start_axum();
    run_table(&server.base).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn actix_server_answers_every_case() {
    let server = start_actix();
    run_table(&server.base).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_servers_carry_a_load_of_errors() {
    for server in [start_axum(), start_actix()] {
        run_load(&server.base, 4, 500).await;
    }
}

/// `Accept-Language: de-CH, fr;q=0.5` gets the German body (`de-CH` falls
/// back to `de`; there is no French) with `Content-Language: de`; `xx` gets
/// the default, English one. Both vary on `Accept-Language`.
async fn run_languages(base: &str) {
    let client = client();
    let request = Request {
        token: Some("Bearer nope"),
        ..get("/users")
    };
    let with = |language: &'static str| {
        let method = reqwest::Method::from_bytes(request.method.as_bytes()).unwrap();
        client
            .request(method, format!("{base}{}", request.path))
            .header("authorization", request.token.unwrap())
            .header("accept-language", language)
    };

    let german = with("de-CH, fr;q=0.5").send().await.unwrap();
    assert_eq!(german.status(), 400);
    assert_eq!(german.headers()["content-language"], "de");
    assert_eq!(german.headers()["vary"], "accept-language");
    assert_eq!(
        german.text().await.unwrap(),
        r#"{"error":{"status":400,"message":"Das API-Token ist ungültig.","code":"InvalidApiToken"}}"#
    );

    let default = with("xx").send().await.unwrap();
    assert!(default.headers().get("content-language").is_none());
    assert_eq!(default.headers()["vary"], "accept-language");
    let wanted = errcat::http_response(&ServiceError::from(UsersError::InvalidApiToken));
    assert_eq!(
        default.text().await.unwrap().as_bytes(),
        wanted.body().as_slice()
    );

    // A malformed header is ignored.
    let malformed = with(";;q=x, =,").send().await.unwrap();
    assert_eq!(malformed.status(), 400);
    assert!(malformed.headers().get("content-language").is_none());

    // The server's own errors have translations of their own, with fields.
    let missing = client
        .get(format!("{base}/users?username=n%C3%B6body"))
        .header("authorization", TOKEN.unwrap())
        .header("accept-language", "de-CH, fr;q=0.5")
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), 404);
    assert_eq!(missing.headers()["content-language"], "de");
    assert_eq!(missing.headers()["vary"], "accept-language");
    assert_eq!(
        missing.text().await.unwrap(),
        r#"{"error":{"status":404,"message":"Es gibt keinen Benutzer namens nöbody.","code":"UserNotFound"}}"#
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn both_servers_negotiate_the_language() {
    for server in [start_axum(), start_actix()] {
        run_languages(&server.base).await;
    }
}
