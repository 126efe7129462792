//! actix-web over real TCP: servers on `127.0.0.1:0`, driven by an HTTP
//! client. Every error response, from a handler or from actix-web itself, is
//! compared with what `errcat::http_response` writes for the same error:
//! status, each header, body bytes. The users API's actix-web server is
//! tested with the axum one in `tests/test_users_api.rs`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::rc::Rc;
use std::time::Duration;

use actix_web::dev::{Server, ServerHandle};
use actix_web::{App, HttpResponse, HttpServer, web};
use errcat::{ApiError, FromRejection, Rejection, RejectionKind};
use http::StatusCode;
use http::header::{HeaderMap, HeaderName, HeaderValue};
use serde::Deserialize;

// ---------------------------------------------------------------------------
// The application under test.

/// One catalog error per rejection kind, so that each is told apart, and
/// errors with header fields for handlers to return.
#[derive(Debug, ApiError)]
#[api(
    format = "problem",
    type_base = "https://example.com/errors/",
    challenge = "Bearer realm=\"api\""
)]
enum ServiceError {
    #[api(status = 400, code = "invalid-json", message = "The body is not JSON.")]
    InvalidJson,
    /// Opts in to the framework's text: it is exposed as `reason`.
    #[api(
        status = 422,
        code = "invalid-json-data",
        message = "The body does not have the expected shape."
    )]
    InvalidJsonData {
        #[api(expose)]
        reason: String,
    },
    #[api(status = 415, code = "unsupported-media-type")]
    UnsupportedMediaType,
    #[api(status = 400, code = "invalid-query")]
    InvalidQuery,
    #[api(status = 400, code = "invalid-path")]
    InvalidPath,
    #[api(status = 400, code = "invalid-form")]
    InvalidForm,
    #[api(status = 413, code = "payload-too-large")]
    PayloadTooLarge,
    #[api(status = 404, code = "not-found", message = "There is nothing here.")]
    NotFound,
    #[api(status = 405, code = "method-not-allowed")]
    MethodNotAllowed,
    #[api(status = 500, code = "internal")]
    Internal,
    #[api(status = 429, code = "rate-limited", message = "Slow down.")]
    RateLimited {
        #[api(header = "Retry-After")]
        retry_after: u32,
    },
    #[api(status = 401, code = "sign-in", message = "Sign in first.")]
    SignIn,
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
            RejectionKind::NotFound => ServiceError::NotFound,
            RejectionKind::MethodNotAllowed => ServiceError::MethodNotAllowed,
            _ => ServiceError::Internal,
        }
    }
}

/// With `Display`, in the `oauth2` shape and its headers.
#[derive(Debug, ApiError)]
#[api(format = "oauth2", rename_all = "snake_case", display)]
enum TokenError {
    #[api(status = 400, message = "The client is not known.")]
    InvalidClient,
}

/// Neither `Send` nor `Sync`: actix-web handlers need neither.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
#[api(status = 409, code = "Taken", message = "{name} is taken.")]
struct Taken {
    name: Rc<str>,
}

/// Borrows: converts into `actix_web::Error` all the same.
#[derive(Debug, ApiError)]
#[api(format = "typed")]
#[api(status = 400, code = "bad_name", message = "Bad name {name}")]
struct BadName<'a> {
    #[api(expose)]
    name: &'a str,
}

/// Generic: its impls carry the type's bounds.
#[derive(Debug, ApiError)]
#[api(format = "flat")]
enum Wrapped<T: std::fmt::Display> {
    #[api(status = 503, code = "unavailable", message = "{0} is unavailable")]
    Unavailable(T),
}

#[derive(Debug, Deserialize)]
struct Person {
    #[allow(dead_code)]
    name: String,
    #[allow(dead_code)]
    age: u8,
}

#[derive(Debug, Deserialize)]
struct Page {
    #[allow(dead_code)]
    page: u32,
}

#[derive(Debug, Deserialize)]
struct Named {
    #[allow(dead_code)]
    name: String,
}

async fn json(_: web::Json<Person>) -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

async fn query(_: web::Query<Page>) -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

async fn path(_: web::Path<u32>) -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

async fn form(_: web::Form<Named>) -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

async fn rate_limited() -> Result<HttpResponse, ServiceError> {
    Err(ServiceError::RateLimited { retry_after: 30 })
}

async fn sign_in() -> Result<&'static str, ServiceError> {
    Err(ServiceError::SignIn)
}

/// The error itself is a `Responder`.
async fn itself() -> ServiceError {
    ServiceError::NotFound
}

fn token_checked() -> Result<(), TokenError> {
    Err(TokenError::InvalidClient)
}

/// `?` into `actix_web::Error`.
async fn token() -> Result<HttpResponse, actix_web::Error> {
    token_checked()?;
    Ok(HttpResponse::Ok().finish())
}

async fn boxed() -> Result<HttpResponse, Box<dyn ApiError + Send + Sync>> {
    Err(Box::new(ServiceError::RateLimited { retry_after: 5 }))
}

async fn taken() -> Result<HttpResponse, Taken> {
    Err(Taken { name: "ada".into() })
}

async fn bad_name(name: web::Path<String>) -> Result<HttpResponse, actix_web::Error> {
    Err(BadName {
        name: name.as_str(),
    }
    .into())
}

async fn wrapped() -> Result<HttpResponse, Wrapped<&'static str>> {
    Err(Wrapped::Unavailable("billing"))
}

async fn ok() -> HttpResponse {
    HttpResponse::Ok().body("ok")
}

fn app(config: &mut web::ServiceConfig) {
    config
        .configure(errcat::actix_web::configure::<ServiceError>)
        .route("/json", web::post().to(json))
        .route("/query", web::get().to(query))
        .route("/path/{id}", web::get().to(path))
        .route("/form", web::post().to(form))
        .route("/rate-limited", web::get().to(rate_limited))
        .route("/sign-in", web::get().to(sign_in))
        .route("/itself", web::get().to(itself))
        .route("/token", web::get().to(token))
        .route("/boxed", web::get().to(boxed))
        .route("/taken", web::get().to(taken))
        .route("/bad-name/{name}", web::get().to(bad_name))
        .route("/wrapped", web::get().to(wrapped))
        .service(
            web::resource("/resource")
                .route(web::get().to(ok))
                .default_service(web::to(
                    errcat::actix_web::method_not_allowed::<ServiceError>,
                )),
        )
        .service(web::resource("/plain-resource").route(web::get().to(ok)));
}

// ---------------------------------------------------------------------------
// Helpers.

const MB: usize = 1024 * 1024;

/// A running server and a client for it.
struct TestServer {
    address: SocketAddr,
    handle: ServerHandle,
    client: reqwest::Client,
}

impl TestServer {
    fn spawn(listener: TcpListener, server: Server) -> Self {
        let address = listener.local_addr().unwrap();
        let handle = server.handle();
        actix_web::rt::spawn(server);
        let client = reqwest::Client::builder().no_proxy().build().unwrap();
        TestServer {
            address,
            handle,
            client,
        }
    }

    /// The test application on an ephemeral port.
    fn start() -> Self {
        let listener = TcpListener::bind(("127.0.0.1", 0)).unwrap();
        let server = HttpServer::new(|| App::new().configure(app))
            .workers(2)
            .listen(listener.try_clone().unwrap())
            .unwrap()
            .run();
        TestServer::spawn(listener, server)
    }

    fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.address)
    }

    async fn get(&self, path: &str) -> reqwest::Response {
        self.client.get(self.url(path)).send().await.unwrap()
    }

    async fn post(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> reqwest::Response {
        self.client
            .post(self.url(path))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// Sends `request` as it is, from another thread, while reading the
    /// response until the server closes the connection: the server may
    /// answer, and close, before it has read the whole request, and an
    /// HTTP client that writes the body before reading fails with a broken
    /// pipe instead of reading the answer.
    async fn raw(&self, request: Vec<u8>) -> Vec<u8> {
        let address = self.address;
        actix_web::rt::task::spawn_blocking(move || {
            let mut stream = TcpStream::connect(address).unwrap();
            // A guard against a hang, not an assertion.
            stream
                .set_read_timeout(Some(Duration::from_secs(60)))
                .unwrap();
            stream
                .set_write_timeout(Some(Duration::from_secs(60)))
                .unwrap();
            let mut writer = stream.try_clone().unwrap();
            let writing = std::thread::spawn(move || {
                let _ = writer.write_all(&request);
            });
            let mut response = Vec::new();
            let mut buffer = [0; 4096];
            while let Ok(read @ 1..) = stream.read(&mut buffer) {
                response.extend_from_slice(&buffer[..read]);
            }
            writing.join().unwrap();
            response
        })
        .await
        .unwrap()
    }

    /// Closes the client's idle connections, then stops the server
    /// gracefully.
    async fn stop(self) {
        let TestServer { handle, client, .. } = self;
        drop(client);
        handle.stop(true).await;
    }
}

/// Asserts that `response` is what `errcat::http_response` writes for
/// `expected`: the status, each header with its values in order, no other
/// header than `content-length` and `date` (which actix-web adds), and the
/// body bytes. Returns the body.
async fn assert_answers(
    response: reqwest::Response,
    expected: &(impl ApiError + ?Sized),
) -> Vec<u8> {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await.unwrap().to_vec();
    check(status, &headers, &body, expected);
    body
}

/// [`assert_answers`] for a response read from the socket.
fn assert_raw_answers(response: &[u8], expected: &(impl ApiError + ?Sized)) {
    let (status, headers, body) = parse_raw(response);
    check(status, &headers, body, expected);
}

fn check(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
    expected: &(impl ApiError + ?Sized),
) {
    let want = errcat::http_response(expected);
    assert_eq!(status, want.status());
    assert_eq!(
        String::from_utf8_lossy(body),
        String::from_utf8_lossy(want.body())
    );
    assert_eq!(body, want.body().as_slice());
    let mut names: Vec<&str> = headers.keys().map(HeaderName::as_str).collect();
    let mut want_names: Vec<&str> = want.headers().keys().map(HeaderName::as_str).collect();
    want_names.extend(["content-length", "date"]);
    names.sort_unstable();
    want_names.sort_unstable();
    assert_eq!(names, want_names);
    for name in want.headers().keys() {
        let values: Vec<&[u8]> = headers
            .get_all(name)
            .iter()
            .map(HeaderValue::as_bytes)
            .collect();
        let want_values: Vec<&[u8]> = want
            .headers()
            .get_all(name)
            .iter()
            .map(HeaderValue::as_bytes)
            .collect();
        assert_eq!(values, want_values, "header {name}");
    }
    assert_eq!(headers["content-length"], body.len().to_string());
}

/// The status, headers and body of a raw HTTP/1.1 response, after any
/// `100 Continue`.
fn parse_raw(mut response: &[u8]) -> (StatusCode, HeaderMap, &[u8]) {
    while let Some(rest) = response.strip_prefix(b"HTTP/1.1 100 Continue\r\n\r\n") {
        response = rest;
    }
    let head_end = response
        .windows(4)
        .position(|window| window == b"\r\n\r\n")
        .unwrap_or_else(|| {
            panic!(
                "no response head in {:?}",
                String::from_utf8_lossy(response)
            )
        });
    let head = std::str::from_utf8(&response[..head_end]).unwrap();
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
        .unwrap_or_else(|| panic!("not a status line: {status_line:?}"));
    let mut headers = HeaderMap::new();
    for line in lines {
        let (name, value) = line.split_once(": ").unwrap();
        headers.append(
            HeaderName::from_bytes(name.as_bytes()).unwrap(),
            HeaderValue::from_str(value).unwrap(),
        );
    }
    (status, headers, &response[head_end + 4..])
}

// ---------------------------------------------------------------------------
// Errors from handlers.

#[actix_web::test]
async fn handler_errors_are_http_response_byte_for_byte() {
    let server = TestServer::start();

    let body = assert_answers(
        server.get("/rate-limited").await,
        &ServiceError::RateLimited { retry_after: 30 },
    )
    .await;
    assert_eq!(
        body,
        br#"{"type":"https://example.com/errors/rate-limited","title":"Too Many Requests","status":429,"detail":"Slow down.","code":"rate-limited"}"#
    );
    let response = server.get("/rate-limited").await;
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["retry-after"], "30");

    let response = server.get("/sign-in").await;
    assert_eq!(
        response.headers()["www-authenticate"],
        "Bearer realm=\"api\""
    );
    assert_answers(response, &ServiceError::SignIn).await;

    assert_answers(server.get("/itself").await, &ServiceError::NotFound).await;

    let response = server.get("/token").await;
    assert_eq!(response.headers()["cache-control"], "no-store");
    assert_eq!(response.headers()["pragma"], "no-cache");
    let body = assert_answers(response, &TokenError::InvalidClient).await;
    assert_eq!(
        body,
        br#"{"error":"invalid_client","error_description":"The client is not known."}"#
    );

    let boxed: Box<dyn ApiError + Send + Sync> =
        Box::new(ServiceError::RateLimited { retry_after: 5 });
    assert_answers(server.get("/boxed").await, &*boxed).await;

    assert_answers(server.get("/taken").await, &Taken { name: "ada".into() }).await;
    let body = assert_answers(
        server.get("/bad-name/a%22b").await,
        &BadName { name: "a\"b" },
    )
    .await;
    assert_eq!(
        body,
        br#"{"type":"bad_name","message":"Bad name a\"b","name":"a\"b"}"#
    );
    assert_answers(
        server.get("/wrapped").await,
        &Wrapped::Unavailable("billing"),
    )
    .await;

    server.stop().await;
}

/// `Failure` answers `status_code` and `error_response` from one rendering,
/// and middleware can read the error back from the response.
#[actix_web::test]
async fn failure_is_the_response_error() {
    use actix_web::ResponseError;
    use errcat::actix_web::Failure;

    let error: actix_web::Error = ServiceError::RateLimited { retry_after: 30 }.into();
    let failure = error.as_error::<Failure>().expect("a Failure");
    assert_eq!(failure.code(), "rate-limited");
    assert_eq!(failure.status(), 429);
    assert_eq!(failure.entry().name, "RateLimited");
    assert_eq!(failure.to_string(), "Slow down.");
    assert_eq!(failure.message(), "Slow down.");
    assert_eq!(
        format!("{failure:?}"),
        r#"Failure { code: "rate-limited", status: 429, message: "Slow down.", .. }"#
    );
    assert_eq!(failure.status_code(), 429);
    let response = failure.error_response();
    assert_eq!(response.status(), failure.status_code());
    assert_eq!(response.headers().get("retry-after").unwrap(), "30");
    let body = actix_web::body::to_bytes(response.into_body())
        .await
        .unwrap();
    let want = errcat::http_response(&ServiceError::RateLimited { retry_after: 30 });
    assert_eq!(body, *want.body());

    let response = errcat::actix_web::response(&TokenError::InvalidClient);
    assert!(
        response
            .error()
            .is_some_and(|error| error.as_error::<Failure>().is_some())
    );
}

// ---------------------------------------------------------------------------
// Failures actix-web produces.

#[actix_web::test]
async fn each_rejection_kind_answers_its_catalog_error() {
    let server = TestServer::start();

    let response = server.post("/json", "application/json", "{\"name\":").await;
    assert_answers(response, &ServiceError::InvalidJson).await;
    let response = server
        .post("/json", "application/json", r#"{"name":"ada",}"#)
        .await;
    assert_answers(response, &ServiceError::InvalidJson).await;

    // A missing field and a wrong type: the data errors, whose text this
    // catalog exposes.
    for (body, reason) in [
        (
            r#"{"name":"ada"}"#,
            "Json deserialize error: missing field `age` at line 1 column 14",
        ),
        (
            r#"{"name":"ada","age":"old"}"#,
            "Json deserialize error: invalid type: string \"old\", expected u8 at line 1 column 25",
        ),
    ] {
        let response = server.post("/json", "application/json", body).await;
        let expected = ServiceError::InvalidJsonData {
            reason: reason.to_owned(),
        };
        assert_answers(response, &expected).await;
    }

    let response = server
        .post("/json", "text/plain", r#"{"name":"ada","age":3}"#)
        .await;
    assert_answers(response, &ServiceError::UnsupportedMediaType).await;
    let response = server
        .client
        .post(server.url("/json"))
        .body(r#"{"name":"ada","age":3}"#)
        .send()
        .await
        .unwrap();
    assert_answers(response, &ServiceError::UnsupportedMediaType).await;

    assert_answers(server.get("/query").await, &ServiceError::InvalidQuery).await;
    assert_answers(
        server.get("/query?page=x").await,
        &ServiceError::InvalidQuery,
    )
    .await;
    assert_answers(server.get("/path/x").await, &ServiceError::InvalidPath).await;

    let form = "application/x-www-form-urlencoded";
    assert_answers(
        server.post("/form", form, "nom=ada").await,
        &ServiceError::InvalidForm,
    )
    .await;
    assert_answers(
        server.post("/form", "application/json", "name=ada").await,
        &ServiceError::UnsupportedMediaType,
    )
    .await;
    // Over FormConfig's 16 KiB.
    let body = format!("name={}", "a".repeat(20_000));
    assert_answers(
        server.post("/form", form, body).await,
        &ServiceError::PayloadTooLarge,
    )
    .await;

    // And the requests that succeed still do.
    let response = server
        .post("/json", "application/json", r#"{"name":"ada","age":3}"#)
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(server.get("/query?page=2").await.status(), 200);
    assert_eq!(server.get("/path/2").await.status(), 200);
    assert_eq!(server.post("/form", form, "name=ada").await.status(), 200);

    server.stop().await;
}

#[actix_web::test]
async fn unknown_paths_and_wrong_methods() {
    let server = TestServer::start();

    let body = assert_answers(server.get("/nowhere").await, &ServiceError::NotFound).await;
    assert_eq!(
        body,
        br#"{"type":"https://example.com/errors/not-found","title":"Not Found","status":404,"detail":"There is nothing here.","code":"not-found"}"#
    );
    assert_answers(server.get("/path/1/more").await, &ServiceError::NotFound).await;

    // A route added with `route`: the default service sees the path exists.
    let response = server
        .client
        .delete(server.url("/json"))
        .send()
        .await
        .unwrap();
    assert_answers(response, &ServiceError::MethodNotAllowed).await;
    let response = server
        .client
        .post(server.url("/path/1"))
        .send()
        .await
        .unwrap();
    assert_answers(response, &ServiceError::MethodNotAllowed).await;
    // A resource with method routes and `method_not_allowed`.
    let response = server
        .client
        .post(server.url("/resource"))
        .send()
        .await
        .unwrap();
    assert_answers(response, &ServiceError::MethodNotAllowed).await;
    assert_eq!(server.get("/resource").await.status(), 200);

    // Documented: a resource with method routes and no default service
    // answers a wrong method itself, empty, with `Allow`.
    let response = server
        .client
        .post(server.url("/plain-resource"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    assert_eq!(response.headers()["allow"], "GET");
    assert!(response.bytes().await.unwrap().is_empty());

    server.stop().await;
}

#[actix_web::test]
async fn bodies_over_the_limit_answer_413() {
    let server = TestServer::start();

    // 10 MB with a Content-Length: refused before it is read.
    let head = format!(
        "POST /json HTTP/1.1\r\nhost: {}\r\ncontent-type: application/json\r\n",
        server.address
    );
    let mut request = format!("{head}content-length: {}\r\n\r\n", 10 * MB).into_bytes();
    request.resize(request.len() + 10 * MB, b' ');
    assert_raw_answers(&server.raw(request).await, &ServiceError::PayloadTooLarge);

    // 10 MB in chunks: refused once past JsonConfig's 2 MiB.
    let mut request = format!("{head}transfer-encoding: chunked\r\n\r\n").into_bytes();
    let chunk = vec![b' '; 64 * 1024];
    for _ in 0..160 {
        request.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        request.extend_from_slice(&chunk);
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"0\r\n\r\n");
    assert_raw_answers(&server.raw(request).await, &ServiceError::PayloadTooLarge);

    // Just over the limit, with `Expect: 100-continue`: actix-web sends the
    // `100 Continue` at once, then the answer, without reading the body.
    let request = format!(
        "{head}content-length: {}\r\nexpect: 100-continue\r\n\r\n",
        2 * MB + 1
    );
    assert_raw_answers(
        &server.raw(request.into_bytes()).await,
        &ServiceError::PayloadTooLarge,
    );

    server.stop().await;
}

/// Line breaks, quotes and bytes that are not UTF-8 reach no body unless the
/// catalog exposes the text, and then only JSON-escaped.
#[actix_web::test]
async fn hostile_input() {
    let server = TestServer::start();

    for query in [
        "/query?page=%0D%0Aset-cookie:%20a=b",
        "/query?page=%22%7D%2C%22code%22%3A%22x",
        "/query?page=%FF%FE",
    ] {
        let body = assert_answers(server.get(query).await, &ServiceError::InvalidQuery).await;
        assert!(!body.windows(6).any(|window| window == b"cookie"));
    }
    assert_answers(server.get("/path/%FF").await, &ServiceError::InvalidPath).await;
    assert_answers(server.get("/path/%0D%0A").await, &ServiceError::InvalidPath).await;

    let response = server
        .post("/json", "application/json", vec![0xFF, 0xFE, 0x00])
        .await;
    assert_answers(response, &ServiceError::InvalidJson).await;
    // Forms decode bytes that are not UTF-8 lossily: no failure at all.
    let response = server
        .post(
            "/form",
            "application/x-www-form-urlencoded",
            "name=%FF%0D%0A%22",
        )
        .await;
    assert_eq!(response.status(), 200);

    // The exposed text is escaped by the serializer: the body stays one
    // JSON object with one `code`.
    let response = server
        .post(
            "/json",
            "application/json",
            "{\"name\":\"\\r\\n\\\"}\",\"age\":300}",
        )
        .await;
    let reason =
        "Json deserialize error: invalid value: integer `300`, expected u8 at line 1 column 27";
    let body = assert_answers(
        response,
        &ServiceError::InvalidJsonData {
            reason: reason.to_owned(),
        },
    )
    .await;
    let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(value["code"], "invalid-json-data");

    // A request line that is not HTTP never reaches the application:
    // actix-web's HTTP/1 parser answers it.
    let response = server
        .raw(b"GET /path/\xFF\r\n HTTP/1.1\r\n\r\n".to_vec())
        .await;
    assert!(response.starts_with(b"HTTP/1.1 400 Bad Request\r\n"));

    server.stop().await;
}
