//! axum over real TCP: a router served on 127.0.0.1, an ephemeral port, with
//! `CatalogLayer` installed, asked by reqwest. Each answer is checked whole:
//! status, every header but `date`, and the body bytes.
//!
//! The router has each extractor twice: errcat's (`/users`, exact
//! rejections) and axum's own (`/axum/users`, classified by the layer);
//! every failure must come out the same through both.

use std::fmt::Display;
use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::routing::{get, post};
use errcat::axum::{CatalogLayer, Form, Json, Path, Query};
use errcat::{ApiError, FromRejection, Rejection, RejectionKind};
use serde::Deserialize;

/// The errors of the service under test: one per rejection kind, so that
/// each answer tells which kind the layer saw.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum ServiceError {
    #[api(status = 404, code = "UserNotFound", message = "No user {id}")]
    UserNotFound { id: u64 },
    #[api(
        status = 429,
        code = "RateLimited",
        message = "Retry in {retry_after} s"
    )]
    RateLimited {
        #[api(header = "Retry-After")]
        retry_after: u32,
    },
    #[api(status = 400, code = "InvalidJson", message = "The body is not JSON.")]
    InvalidJson,
    /// Exposes the framework's text, on purpose.
    #[api(
        status = 422,
        code = "InvalidJsonData",
        message = "The body does not fit."
    )]
    InvalidJsonData {
        #[api(expose)]
        reason: String,
    },
    #[api(
        status = 415,
        code = "UnsupportedMediaType",
        message = "Send another content type."
    )]
    UnsupportedMediaType,
    #[api(
        status = 400,
        code = "InvalidQuery",
        message = "The query is not valid."
    )]
    InvalidQuery,
    #[api(status = 400, code = "InvalidPath", message = "The path is not valid.")]
    InvalidPath,
    #[api(status = 400, code = "InvalidForm", message = "The form is not valid.")]
    InvalidForm,
    #[api(
        status = 413,
        code = "PayloadTooLarge",
        message = "The body is too large."
    )]
    PayloadTooLarge,
    #[api(status = 404, code = "RouteNotFound", message = "Nothing here.")]
    RouteNotFound,
    #[api(
        status = 405,
        code = "MethodNotAllowed",
        message = "Not with this method."
    )]
    MethodNotAllowed,
    #[api(
        status = 400,
        code = "BadRequest",
        message = "The request is not valid."
    )]
    BadRequest,
    #[api(
        status = 500,
        code = "Internal",
        message = "Something failed on our side."
    )]
    Internal,
}

impl FromRejection for ServiceError {
    fn from_rejection(rejection: &Rejection) -> Self {
        match rejection.kind() {
            RejectionKind::InvalidJson => ServiceError::InvalidJson,
            RejectionKind::InvalidJsonData => ServiceError::InvalidJsonData {
                reason: rejection.text().to_owned(),
            },
            RejectionKind::UnsupportedMediaType => ServiceError::UnsupportedMediaType,
            RejectionKind::InvalidQuery => ServiceError::InvalidQuery,
            RejectionKind::InvalidPath => ServiceError::InvalidPath,
            RejectionKind::InvalidForm => ServiceError::InvalidForm,
            RejectionKind::PayloadTooLarge => ServiceError::PayloadTooLarge,
            RejectionKind::NotFound => ServiceError::RouteNotFound,
            RejectionKind::MethodNotAllowed => ServiceError::MethodNotAllowed,
            _ if rejection.status().is_server_error() => ServiceError::Internal,
            _ => ServiceError::BadRequest,
        }
    }
}

/// A generic derived type: it is an `IntoResponse` too.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum Conflict<T>
where
    T: Display + serde::Serialize,
{
    #[api(status = 409, code = "Taken", message = "{value} is taken")]
    Taken {
        #[api(expose)]
        value: T,
    },
}

/// The `typed` body, sent as plain text: it looks like one of axum's own
/// failures, and must still pass the layer unchanged.
struct PlainText;

impl errcat::format::Format for PlainText {
    fn content_type(&self, _: &dyn ApiError) -> &'static str {
        "text/plain; charset=utf-8"
    }

    fn serialize<S: serde::Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        errcat::format::Typed.serialize(error, serializer)
    }
}

#[derive(Debug, ApiError)]
#[api(format = PlainText)]
enum PlainError {
    #[api(status = 404, code = "NoSuchPage", message = "No page {0}")]
    NoSuchPage(u32),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code, reason = "only decoded")]
struct NewUser {
    username: String,
    email: String,
}

#[derive(Deserialize)]
#[allow(dead_code, reason = "only decoded")]
struct Search {
    q: String,
    page: u32,
}

async fn show_user(Path(id): Path<u64>) -> Result<&'static str, ServiceError> {
    if id == 1 {
        Ok("ada")
    } else {
        Err(ServiceError::UserNotFound { id })
    }
}

async fn show_user_axum(
    axum::extract::Path(id): axum::extract::Path<u64>,
) -> Result<&'static str, ServiceError> {
    show_user(Path(id)).await
}

async fn create_user(Json(user): Json<NewUser>) -> impl IntoResponse {
    (StatusCode::CREATED, user.username)
}

async fn create_user_axum(axum::Json(user): axum::Json<NewUser>) -> impl IntoResponse {
    (StatusCode::CREATED, user.username)
}

async fn search(Query(search): Query<Search>) -> String {
    format!("{} {}", search.q, search.page)
}

async fn search_axum(axum::extract::Query(search): axum::extract::Query<Search>) -> String {
    format!("{} {}", search.q, search.page)
}

async fn submit(Form(user): Form<NewUser>) -> String {
    user.email
}

async fn submit_axum(axum::Form(user): axum::Form<NewUser>) -> String {
    user.email
}

async fn limited() -> Result<(), ServiceError> {
    Err(ServiceError::RateLimited { retry_after: 30 })
}

async fn boxed() -> Result<(), Box<dyn ApiError + Send + Sync>> {
    Err(Box::new(ServiceError::UserNotFound { id: 9 }))
}

async fn taken() -> Result<(), Conflict<&'static str>> {
    Err(Conflict::Taken { value: "ada" })
}

/// A failure the handler writes as plain text: the catalog answers it.
async fn plain_catalog_error() -> Result<(), PlainError> {
    Err(PlainError::NoSuchPage(3))
}

async fn plain_failure() -> impl IntoResponse {
    (StatusCode::CONFLICT, "it clashes")
}

/// A failure the handler writes as JSON of its own: it passes untouched.
async fn own_json_failure() -> impl IntoResponse {
    (
        StatusCode::BAD_GATEWAY,
        [("content-type", "application/json")],
        r#"{"upstream":"down"}"#,
    )
}

/// A plain-text failure of 1 MB: the layer answers without reading it.
async fn large_plain_failure() -> impl IntoResponse {
    (StatusCode::INTERNAL_SERVER_ERROR, "x".repeat(1024 * 1024))
}

/// A plain-text failure whose body never ends: the layer must not read it.
async fn endless_plain_failure() -> impl IntoResponse {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [("content-type", "text/plain")],
        axum::body::Body::new(Endless),
    )
}

/// A body of endless `x`s, of unknown size.
struct Endless;

impl http_body::Body for Endless {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        let chunk = axum::body::Bytes::from_static(&[b'x'; 1024]);
        std::task::Poll::Ready(Some(Ok(http_body::Frame::data(chunk))))
    }
}

fn app() -> Router {
    Router::new()
        .route("/users", post(create_user))
        .route("/users/{id}", get(show_user))
        .route("/search", get(search))
        .route("/forms", post(submit))
        .route("/axum/users", post(create_user_axum))
        .route("/axum/users/{id}", get(show_user_axum))
        .route("/axum/search", get(search_axum))
        .route("/axum/forms", post(submit_axum))
        .route("/limited", get(limited))
        .route("/boxed", get(boxed))
        .route("/taken", get(taken))
        .route("/plain", get(plain_failure))
        .route("/plain-catalog", get(plain_catalog_error))
        .route("/own-json", get(own_json_failure))
        .route("/large-plain", get(large_plain_failure))
        .route("/endless-plain", get(endless_plain_failure))
        .layer(DefaultBodyLimit::max(64 * 1024))
        .layer(CatalogLayer::<ServiceError>::new())
}

// ---------------------------------------------------------------------------
// Serving and asking.

/// A server on 127.0.0.1 and an ephemeral port; it stops when dropped, and
/// with the test's runtime at the latest.
struct Server {
    base: String,
    task: tokio::task::JoinHandle<()>,
}

impl Server {
    async fn start(app: Router) -> Server {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let task = tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        Server { base, task }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .no_proxy()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap()
}

/// What came back: status, every header but `date` (sorted), body.
#[derive(Debug, PartialEq)]
struct Answer {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Answer {
    /// The answer expected: `status`, these headers besides
    /// `content-length`, and `body`.
    fn expect(status: u16, headers: &[(&str, &str)], body: &str) -> Answer {
        let mut headers: Vec<(String, String)> = headers
            .iter()
            .map(|(name, value)| ((*name).to_owned(), (*value).to_owned()))
            .collect();
        headers.push(("content-length".to_owned(), body.len().to_string()));
        headers.sort();
        Answer {
            status,
            headers,
            body: body.to_owned(),
        }
    }

    /// A JSON error body: `application/json` and `body`.
    fn json(status: u16, body: &str) -> Answer {
        Answer::expect(status, &[("content-type", "application/json")], body)
    }
}

async fn send(request: reqwest::RequestBuilder) -> Answer {
    let response = request.send().await.unwrap();
    let status = response.status().as_u16();
    assert!(response.headers().contains_key("date"));
    let mut headers: Vec<(String, String)> = response
        .headers()
        .iter()
        .filter(|(name, _)| *name != "date")
        .map(|(name, value)| {
            let value = String::from_utf8_lossy(value.as_bytes()).into_owned();
            (name.as_str().to_owned(), value)
        })
        .collect();
    headers.sort();
    let body = response.bytes().await.unwrap();
    Answer {
        status,
        headers,
        body: String::from_utf8(body.to_vec()).expect("a UTF-8 body"),
    }
}

/// The request of one test case.
enum Ask {
    Get(String),
    Post {
        path: String,
        content_type: Option<&'static str>,
        body: Vec<u8>,
    },
}

impl Ask {
    fn get(path: &str) -> Ask {
        Ask::Get(path.to_owned())
    }

    fn post(path: &str, content_type: Option<&'static str>, body: impl Into<Vec<u8>>) -> Ask {
        Ask::Post {
            path: path.to_owned(),
            content_type,
            body: body.into(),
        }
    }

    fn build(&self, client: &reqwest::Client, base: &str) -> reqwest::RequestBuilder {
        match self {
            Ask::Get(path) => client.get(format!("{base}{path}")),
            Ask::Post {
                path,
                content_type,
                body,
            } => {
                let request = client.post(format!("{base}{path}")).body(body.clone());
                match content_type {
                    Some(content_type) => request.header("content-type", *content_type),
                    None => request,
                }
            }
        }
    }
}

const JSON: Option<&str> = Some("application/json");
const FORM: Option<&str> = Some("application/x-www-form-urlencoded");

// ---------------------------------------------------------------------------
// Handlers' own errors.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn handler_errors_pass_through_unchanged() {
    let server = Server::start(app()).await;
    let client = client();
    let base = &server.base;

    // The service's own 404 is not mistaken for the router's.
    assert_eq!(
        send(client.get(format!("{base}/users/7"))).await,
        Answer::json(
            404,
            r#"{"error":{"status":404,"message":"No user 7","code":"UserNotFound"}}"#
        ),
    );
    assert_eq!(
        send(client.get(format!("{base}/axum/users/7"))).await,
        Answer::json(
            404,
            r#"{"error":{"status":404,"message":"No user 7","code":"UserNotFound"}}"#
        ),
    );
    // Header fields arrive as headers.
    assert_eq!(
        send(client.get(format!("{base}/limited"))).await,
        Answer::expect(
            429,
            &[("content-type", "application/json"), ("retry-after", "30")],
            r#"{"error":{"status":429,"message":"Retry in 30 s","code":"RateLimited"}}"#,
        ),
    );
    assert_eq!(
        send(client.get(format!("{base}/boxed"))).await,
        Answer::json(
            404,
            r#"{"error":{"status":404,"message":"No user 9","code":"UserNotFound"}}"#
        ),
    );
    assert_eq!(
        send(client.get(format!("{base}/taken"))).await,
        Answer::json(
            409,
            r#"{"error":{"status":409,"message":"ada is taken","code":"Taken","value":"ada"}}"#,
        ),
    );
    // So is one in a format of plain text, which only its mark tells from
    // axum's own.
    assert_eq!(
        send(client.get(format!("{base}/plain-catalog"))).await,
        Answer::expect(
            404,
            &[("content-type", "text/plain; charset=utf-8")],
            r#"{"type":"NoSuchPage","message":"No page 3"}"#,
        ),
    );
    // A JSON failure of the handler's own making is left alone.
    assert_eq!(
        send(client.get(format!("{base}/own-json"))).await,
        Answer::json(502, r#"{"upstream":"down"}"#),
    );
    // Successes too.
    assert_eq!(
        send(client.get(format!("{base}/users/1"))).await,
        Answer::expect(200, &[("content-type", "text/plain; charset=utf-8")], "ada"),
    );
}

/// Compiled with the `axum` feature: derived types, generic ones included,
/// and boxed errors are responses.
#[test]
fn derived_and_boxed_errors_are_responses() {
    fn is_response<T: IntoResponse>() {}
    is_response::<ServiceError>();
    is_response::<Conflict<u64>>();
    is_response::<Conflict<String>>();
    is_response::<Box<dyn ApiError + Send + Sync>>();
    is_response::<Rejection>();
}

// ---------------------------------------------------------------------------
// Failures axum makes on its own.

/// Every rejection kind, through errcat's extractors and through axum's.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_rejection_is_a_catalog_error() {
    let server = Server::start(app()).await;
    let client = client();

    let invalid_json =
        r#"{"error":{"status":400,"message":"The body is not JSON.","code":"InvalidJson"}}"#;
    let media = r#"{"error":{"status":415,"message":"Send another content type.","code":"UnsupportedMediaType"}}"#;
    let query =
        r#"{"error":{"status":400,"message":"The query is not valid.","code":"InvalidQuery"}}"#;
    let path =
        r#"{"error":{"status":400,"message":"The path is not valid.","code":"InvalidPath"}}"#;
    let form =
        r#"{"error":{"status":400,"message":"The form is not valid.","code":"InvalidForm"}}"#;
    let missing_email = r#"{"error":{"status":422,"message":"The body does not fit.","code":"InvalidJsonData","reason":"Failed to deserialize the JSON body into the target type: missing field `email` at line 1 column 18"}}"#;
    let wrong_type = r#"{"error":{"status":422,"message":"The body does not fit.","code":"InvalidJsonData","reason":"Failed to deserialize the JSON body into the target type: username: invalid type: integer `7`, expected a string at line 1 column 13"}}"#;

    for prefix in ["", "/axum"] {
        let users = format!("{prefix}/users");
        let forms = format!("{prefix}/forms");
        let cases = [
            // JSON: bad syntax, a missing field, a wrong type, no or another
            // content type.
            (
                Ask::post(&users, JSON, r#"{"username":"#),
                Answer::json(400, invalid_json),
            ),
            (
                Ask::post(&users, JSON, r#"{"username":"ada"}"#),
                Answer::json(422, missing_email),
            ),
            (
                Ask::post(&users, JSON, r#"{"username":7,"email":"a@b.c"}"#),
                Answer::json(422, wrong_type),
            ),
            (
                Ask::post(&users, None, r#"{"username":"ada","email":"a@b.c"}"#),
                Answer::json(415, media),
            ),
            (
                Ask::post(&users, Some("text/plain"), "{}"),
                Answer::json(415, media),
            ),
            // Query: a missing parameter, a wrong type.
            (
                Ask::get(&format!("{prefix}/search?page=1")),
                Answer::json(400, query),
            ),
            (
                Ask::get(&format!("{prefix}/search?q=x&page=first")),
                Answer::json(400, query),
            ),
            // Path: not a number.
            (
                Ask::get(&format!("{prefix}/users/seven")),
                Answer::json(400, path),
            ),
            // Form: a missing field, another content type.
            (
                Ask::post(&forms, FORM, "username=ada"),
                Answer::json(400, form),
            ),
            (
                Ask::post(&forms, JSON, r#"{"username":"ada"}"#),
                Answer::json(415, media),
            ),
            // Successes pass untouched.
            (
                Ask::post(&users, JSON, r#"{"username":"ada","email":"a@b.c"}"#),
                Answer::expect(201, &[("content-type", "text/plain; charset=utf-8")], "ada"),
            ),
            (
                Ask::post(&forms, FORM, "username=ada&email=a%40b.c"),
                Answer::expect(
                    200,
                    &[("content-type", "text/plain; charset=utf-8")],
                    "a@b.c",
                ),
            ),
        ];
        for (ask, expected) in cases {
            let answer = send(ask.build(&client, &server.base)).await;
            assert_eq!(answer, expected, "{prefix}");
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unknown_route_and_wrong_method() {
    let server = Server::start(app()).await;
    let client = client();
    let base = &server.base;

    let not_found = r#"{"error":{"status":404,"message":"Nothing here.","code":"RouteNotFound"}}"#;
    assert_eq!(
        send(client.get(format!("{base}/nowhere"))).await,
        Answer::json(404, not_found)
    );
    assert_eq!(
        send(client.delete(format!("{base}/users/1/nowhere"))).await,
        Answer::json(404, not_found)
    );

    // 405 keeps its `Allow`.
    assert_eq!(
        send(client.delete(format!("{base}/users/1"))).await,
        Answer::expect(
            405,
            &[("allow", "GET,HEAD"), ("content-type", "application/json")],
            r#"{"error":{"status":405,"message":"Not with this method.","code":"MethodNotAllowed"}}"#,
        ),
    );
    assert_eq!(
        send(client.get(format!("{base}/users"))).await,
        Answer::expect(
            405,
            &[("allow", "POST"), ("content-type", "application/json")],
            r#"{"error":{"status":405,"message":"Not with this method.","code":"MethodNotAllowed"}}"#,
        ),
    );

    // A plain-text failure of a handler is in the catalog too (kind Other).
    assert_eq!(
        send(client.get(format!("{base}/plain"))).await,
        Answer::json(
            400,
            r#"{"error":{"status":400,"message":"The request is not valid.","code":"BadRequest"}}"#
        ),
    );
}

/// The layer reads a failure's text only from a body that says it holds at
/// most 4 KiB: a larger one, or one of unknown size, is dropped unread.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_and_endless_failure_bodies_are_not_read() {
    let server = Server::start(app()).await;
    let client = client();
    let internal =
        r#"{"error":{"status":500,"message":"Something failed on our side.","code":"Internal"}}"#;
    for path in ["/large-plain", "/endless-plain"] {
        let answer = send(client.get(format!("{}{path}", server.base))).await;
        assert_eq!(answer, Answer::json(500, internal), "{path}");
    }
}

// ---------------------------------------------------------------------------
// Hostile requests.

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_requests_get_catalog_errors_and_no_text_unless_exposed() {
    let server = Server::start(app()).await;
    let client = client();
    let base = &server.base;

    // CR, LF and quotes in a query string: the text stays private.
    let query =
        r#"{"error":{"status":400,"message":"The query is not valid.","code":"InvalidQuery"}}"#;
    for prefix in ["", "/axum"] {
        let url = format!("{base}{prefix}/search?q=%0D%0A%22x%22&page=%22%0D%0AX-Injected:%201");
        assert_eq!(send(client.get(url)).await, Answer::json(400, query));
    }

    // CR, LF and quotes in a JSON key reach the wire only through the
    // exposed field, escaped by the JSON serializer.
    let key = r#"{"user\r\n\"name":"ada","email":"a@b.c"}"#;
    let exposed = r#"{"error":{"status":422,"message":"The body does not fit.","code":"InvalidJsonData","reason":"Failed to deserialize the JSON body into the target type: user\r\n\"name: unknown field `user\r\n\"name`, expected `username` or `email` at line 1 column 17"}}"#;
    for path in ["/users", "/axum/users"] {
        let answer = send(Ask::post(path, JSON, key).build(&client, base)).await;
        assert_eq!(answer, Answer::json(422, exposed), "{path}");
    }

    // Bytes that are not UTF-8: in a JSON body, in a path, in a form.
    let invalid_json =
        r#"{"error":{"status":400,"message":"The body is not JSON.","code":"InvalidJson"}}"#;
    let path =
        r#"{"error":{"status":400,"message":"The path is not valid.","code":"InvalidPath"}}"#;
    for prefix in ["", "/axum"] {
        let answer = send(
            Ask::post(&format!("{prefix}/users"), JSON, &b"{\"\xff\xfe\":1}"[..])
                .build(&client, base),
        )
        .await;
        assert_eq!(answer, Answer::json(400, invalid_json), "{prefix}");
        let answer = send(client.get(format!("{base}{prefix}/users/%FF%FE"))).await;
        assert_eq!(answer, Answer::json(400, path), "{prefix}");
        let answer = send(
            Ask::post(
                &format!("{prefix}/forms"),
                FORM,
                &b"username=\xff&email=%FF"[..],
            )
            .build(&client, base),
        )
        .await;
        assert_eq!(answer.status, 200, "{prefix}: lossy, as axum decodes forms");
    }
}

/// Bodies over `DefaultBodyLimit` (64 KiB here), through both extractors,
/// up to 10 MB. The server answers 413 once it has read 64 KiB, and may
/// close the connection under a client still sending; reqwest then reports
/// the failed write and drops the answer, so these requests go over a plain
/// socket, written on one thread while the answer is read on another.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn large_bodies_are_refused() {
    let server = Server::start(app()).await;
    let client = client();
    let base = &server.base;
    let address = base.trim_start_matches("http://").to_owned();
    let too_large =
        r#"{"error":{"status":413,"message":"The body is too large.","code":"PayloadTooLarge"}}"#;
    let expected = format!(
        "HTTP/1.1 413 Payload Too Large\r\n\
         content-type: application/json\r\n\
         content-length: {}\r\n\
         connection: close\r\n\
         \r\n{too_large}",
        too_large.len()
    );

    let cases = [
        ("/users", "application/json", 100 * 1024),
        ("/axum/users", "application/json", 100 * 1024),
        ("/forms", "application/x-www-form-urlencoded", 100 * 1024),
        (
            "/axum/forms",
            "application/x-www-form-urlencoded",
            100 * 1024,
        ),
        ("/users", "application/json", 10 * 1024 * 1024),
        ("/axum/users", "application/json", 10 * 1024 * 1024),
    ];
    for (path, content_type, size) in cases {
        let address = address.clone();
        let answer = tokio::task::spawn_blocking(move || {
            post_over_socket(&address, path, content_type, &vec![b'['; size])
        })
        .await
        .unwrap();
        assert_eq!(answer, expected, "{path}, {size} bytes");
        // The server goes on answering.
        assert_eq!(
            send(client.get(format!("{base}/users/1"))).await,
            Answer::expect(200, &[("content-type", "text/plain; charset=utf-8")], "ada"),
        );
    }
}

/// POSTs `body` to `path` over a plain socket: the answer as it came,
/// without its `date` header.
fn post_over_socket(address: &str, path: &str, content_type: &str, body: &[u8]) -> String {
    use std::io::{Read, Write};

    let mut stream = std::net::TcpStream::connect(address).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let mut writer = stream.try_clone().unwrap();
    let head = format!(
        "POST {path} HTTP/1.1\r\nhost: {address}\r\ncontent-type: {content_type}\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n",
        body.len()
    );
    let answer = std::thread::scope(|scope| {
        scope.spawn(move || {
            // The server may stop reading: a failed write is expected.
            let _ = writer
                .write_all(head.as_bytes())
                .and_then(|()| writer.write_all(body));
        });
        let mut answer = Vec::new();
        let mut chunk = [0; 4096];
        // Until the server closes, or resets once it has answered.
        while let Ok(read @ 1..) = stream.read(&mut chunk) {
            answer.extend_from_slice(&chunk[..read]);
        }
        answer
    });
    let answer = String::from_utf8(answer).unwrap();
    let (head, body) = answer.split_once("\r\n\r\n").expect("a whole head");
    let mut kept = String::new();
    for line in head.split("\r\n") {
        if !line.to_ascii_lowercase().starts_with("date:") {
            kept.push_str(line);
            kept.push_str("\r\n");
        }
    }
    kept + "\r\n" + body
}

// ---------------------------------------------------------------------------
// Under load.

/// 200 requests over 8 tasks, every answer right, within a generous bound.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_requests_all_answer() {
    let server = Server::start(app()).await;
    let client = client();
    let base = server.base.clone();

    let tasks: Vec<_> = (0..8u64)
        .map(|task| {
            let client = client.clone();
            let base = base.clone();
            tokio::spawn(async move {
                for i in 0..25u64 {
                    let id = task * 100 + i + 2;
                    let (ask, expected) = match i % 4 {
                        0 => (
                            Ask::get(&format!("/users/{id}")),
                            Answer::json(
                                404,
                                &format!(
                                    r#"{{"error":{{"status":404,"message":"No user {id}","code":"UserNotFound"}}}}"#
                                ),
                            ),
                        ),
                        1 => (
                            Ask::get("/nowhere"),
                            Answer::json(
                                404,
                                r#"{"error":{"status":404,"message":"Nothing here.","code":"RouteNotFound"}}"#,
                            ),
                        ),
                        2 => (
                            Ask::post("/axum/users", JSON, "{"),
                            Answer::json(
                                400,
                                r#"{"error":{"status":400,"message":"The body is not JSON.","code":"InvalidJson"}}"#,
                            ),
                        ),
                        _ => (
                            Ask::get("/users/1"),
                            Answer::expect(
                                200,
                                &[("content-type", "text/plain; charset=utf-8")],
                                "ada",
                            ),
                        ),
                    };
                    assert_eq!(send(ask.build(&client, &base)).await, expected);
                }
            })
        })
        .collect();

    let all = async {
        for task in tasks {
            task.await.unwrap();
        }
    };
    tokio::time::timeout(Duration::from_secs(120), all)
        .await
        .expect("200 requests answered");
}
