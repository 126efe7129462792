//! Serializing an envelope allocates nothing beyond the output buffer, in
//! every shape, built-in or custom, declared or chosen with `with_format`,
//! whether through serde_json or `Envelope::write_json`; a response
//! allocates its body once, and `status()` and `code()` nothing.
//!
//! This file installs a counting global allocator that counts only while the
//! measuring thread has its flag set, so the harness's other threads (tests
//! run in parallel in one process) are never counted.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use errcat::format::{Described, Flat, Format, Members, Nested, OAuth2, Problem, Text, Typed};
use errcat::{ApiError, Envelope, ValidationErrors};
use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

thread_local! {
    /// Whether this thread is inside a measured section.
    static MEASURING: Cell<bool> = const { Cell::new(false) };
    /// Allocations this thread made inside measured sections.
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

fn count_allocation() {
    let _ = MEASURING.try_with(|measuring| {
        if measuring.get() {
            let _ = ALLOCATIONS.try_with(|count| count.set(count.get() + 1));
        }
    });
}

struct CountingAllocator;

// SAFETY: every call is forwarded unchanged to `System`; counting touches
// only const-initialized thread-locals, which never allocate.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `GlobalAlloc::alloc_zeroed`'s contract.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` was allocated by `System` with `layout`.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_allocation();
        // SAFETY: the caller upholds `GlobalAlloc::realloc`'s contract.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// The value `run` returns and the allocations it made.
fn counting<T>(run: impl FnOnce() -> T) -> (T, usize) {
    ALLOCATIONS.with(|count| count.set(0));
    MEASURING.with(|measuring| measuring.set(true));
    let value = run();
    MEASURING.with(|measuring| measuring.set(false));
    (value, ALLOCATIONS.with(Cell::get))
}

/// Writes `body` through serde_json into a buffer of 4096 bytes made
/// beforehand; returns the text and the allocations the writing made.
fn write_counting(body: &dyn erased_body::Body) -> (String, usize) {
    write_counting_with(body, |body, out| body.write_json(out))
}

/// The same through `Envelope::write_json`.
fn write_direct_counting(body: &dyn erased_body::Body) -> (String, usize) {
    write_counting_with(body, |body, out| body.write_direct(out))
}

fn write_counting_with(
    body: &dyn erased_body::Body,
    write: fn(&dyn erased_body::Body, &mut Vec<u8>) -> serde_json::Result<()>,
) -> (String, usize) {
    let mut out = Vec::with_capacity(4096);
    let (written, made) = counting(|| write(body, &mut out));
    written.expect("the envelope serializes");
    assert!(out.capacity() == 4096, "the buffer never grew");
    (String::from_utf8(out).expect("JSON is UTF-8"), made)
}

/// Lets the cases of different envelope types sit in one list.
mod erased_body {
    use errcat::Envelope;
    use errcat::format::Format;

    pub trait Body {
        /// Through serde_json.
        fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
        /// Through `Envelope::write_json`, where the value is an envelope.
        fn write_direct(&self, out: &mut Vec<u8>) -> serde_json::Result<()>;
    }

    impl<F: Format> Body for Envelope<'_, F> {
        fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
            serde_json::to_writer(out, self)
        }
        fn write_direct(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
            Envelope::write_json(self, out)
        }
    }
}

#[test]
fn the_counter_sees_allocations() {
    struct Allocates;
    impl erased_body::Body for Allocates {
        fn write_json(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
            serde_json::to_writer(out, &format!("{}-{}", 4, 2))
        }
        fn write_direct(&self, out: &mut Vec<u8>) -> serde_json::Result<()> {
            self.write_json(out)
        }
    }
    let (text, made) = write_counting(&Allocates);
    assert_eq!(text, r#""4-2""#);
    assert!(
        made >= 1,
        "a format! inside the measured section is counted"
    );
}

#[derive(Debug, Serialize)]
struct Owner {
    login: &'static str,
    id: u32,
    roles: [&'static str; 2],
}

/// Declares `$name` in the shape `$format` with templated messages, exposed
/// members of every kind, details templates and fields, and a header field.
macro_rules! shape_error {
    ($name:ident, $format:tt) => {
        // One member of every kind makes one large variant, which is the point.
        #[allow(clippy::large_enum_variant)]
        #[derive(Debug, ApiError)]
        #[api(format = $format, rename_all = "snake_case", type_base = "https://errors.example/")]
        enum $name {
            #[api(status = 404)]
            Unit,
            #[api(status = 503)]
            Reason,
            #[api(
                status = 409,
                message = "User {user:>8} has {count:04} keys ({ratio:.2}) {{ok}}"
            )]
            Templated {
                user: &'static str,
                count: u32,
                ratio: f64,
            },
            #[api(status = 422, message = "Invalid \"{name}\"\n{owned}")]
            Exposed {
                #[api(expose)]
                id: u64,
                #[api(expose)]
                delta: i32,
                #[api(expose)]
                score: f64,
                #[api(expose)]
                name: &'static str,
                #[api(expose = "label")]
                owned: String,
                #[api(expose)]
                owner: Owner,
                #[api(expose)]
                missing: Option<u8>,
                #[api(expose)]
                errors: ValidationErrors,
                secret: String,
            },
            #[api(
                status = 400,
                message = "Bad {resource}",
                details = "The {resource} is {count} bytes too long"
            )]
            DetailsTemplate {
                resource: &'static str,
                count: usize,
            },
            #[api(status = 400, message = "Invalid owner")]
            DetailsField {
                #[api(details)]
                owner: Owner,
            },
            #[api(status = 429, message = "Retry in {retry_after} s")]
            Header {
                #[api(header = "Retry-After")]
                retry_after: u32,
            },
        }

        impl $name {
            /// The private field's value, which no body may show.
            fn secret(&self) -> Option<&str> {
                match self {
                    $name::Exposed { secret, .. } => Some(secret),
                    _ => None,
                }
            }

            fn samples() -> Vec<$name> {
                let mut errors = ValidationErrors::new("order");
                errors.add("first_name", "blank", "Required");
                errors.add("email", "taken", "Already used");
                errors.add_nested("tickets", 2_148_082, "guest", "blank", "can't be blank");
                vec![
                    $name::Unit,
                    $name::Reason,
                    $name::Templated {
                        user: "zoë",
                        count: 7,
                        ratio: 0.125,
                    },
                    $name::Exposed {
                        id: u64::MAX,
                        delta: -3,
                        score: 1.5e-7,
                        name: "a \"quoted\" name",
                        owned: "owned\ttext é".to_owned(),
                        owner: Owner {
                            login: "root",
                            id: 1,
                            roles: ["admin", "ops"],
                        },
                        missing: None,
                        errors,
                        secret: "hunter2".to_owned(),
                    },
                    $name::DetailsTemplate {
                        resource: "ticket",
                        count: 12,
                    },
                    $name::DetailsField {
                        owner: Owner {
                            login: "guest",
                            id: 2,
                            roles: ["reader", "writer"],
                        },
                    },
                    $name::Header { retry_after: 30 },
                ]
            }
        }
    };
}

shape_error!(FlatError, "flat");
shape_error!(NestedError, "nested");
shape_error!(TypedError, "typed");
shape_error!(DescribedError, "described");
shape_error!(OAuth2Error, "oauth2");
shape_error!(ProblemError, "problem");

/// A custom shape in the style of Google's AIP-193.
#[derive(Clone, Copy)]
struct Aip193;

impl Format for Aip193 {
    fn serialize<S: Serializer>(
        &self,
        error: &dyn ApiError,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        struct Status<'a>(&'a dyn ApiError);
        struct ErrorInfo<'a>(&'a dyn ApiError);

        impl Serialize for Status<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(4))?;
                map.serialize_entry("code", &self.0.status().as_u16())?;
                map.serialize_entry("message", &Text(self.0.message()))?;
                map.serialize_entry("details", &[ErrorInfo(self.0)])?;
                map.end()
            }
        }

        impl Serialize for ErrorInfo<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(3))?;
                map.serialize_entry("@type", "type.googleapis.com/google.rpc.ErrorInfo")?;
                map.serialize_entry("reason", self.0.code())?;
                map.serialize_entry("metadata", &Members::new(self.0).with_details())?;
                map.end()
            }
        }

        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("error", &Status(error))?;
        map.end()
    }
}

shape_error!(CustomError, Aip193);

// One wrapper each: the two inner types share their codes, which one
// catalog may not.
#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum OuterTyped {
    #[api(transparent)]
    Typed(TypedError),
}

#[derive(Debug, ApiError)]
#[api(format = "nested")]
enum OuterCustom {
    #[api(transparent)]
    Custom(CustomError),
}

/// Asserts that every way of writing `error`'s body allocates nothing, and
/// that each wrote what `serde_json::to_string` (outside the measured
/// section) writes.
fn assert_no_allocation(error: &dyn ApiError, label: &str) {
    let cases: [(&str, &dyn erased_body::Body, &str); 8] = [
        ("declared", &Envelope::new(error), "{"),
        (
            "flat",
            &Envelope::with_format(error, Flat),
            r#"{"message":"#,
        ),
        (
            "nested",
            &Envelope::with_format(error, Nested),
            r#"{"error":{"status":"#,
        ),
        (
            "typed",
            &Envelope::with_format(error, Typed),
            r#"{"type":""#,
        ),
        (
            "described",
            &Envelope::with_format(error, Described),
            r#"{"message":"#,
        ),
        (
            "oauth2",
            &Envelope::with_format(error, OAuth2),
            r#"{"error":""#,
        ),
        (
            "problem",
            &Envelope::with_format(error, Problem),
            r#"{"type":""#,
        ),
        (
            "aip-193",
            &Envelope::with_format(error, Aip193),
            r#"{"error":{"code":"#,
        ),
    ];
    for (shape, body, start) in cases {
        let (text, made) = write_counting(body);
        assert_eq!(
            made,
            0,
            "{label} ({}) in {shape} allocated: {text}",
            error.code()
        );
        let (direct, made) = write_direct_counting(body);
        assert_eq!(
            made,
            0,
            "{label} ({}) in {shape} allocated through write_json: {direct}",
            error.code()
        );
        assert_eq!(direct, text, "{label} in {shape}");
        let mut expected = Vec::new();
        body.write_json(&mut expected)
            .expect("the envelope serializes");
        assert_eq!(text.as_bytes(), expected.as_slice());
        serde_json::from_str::<serde_json::Value>(&text).expect("the body is JSON");
        assert!(text.starts_with(start), "{shape}: {text}");
        assert!(!text.contains("hunter2"), "a private field leaked: {text}");
    }
}

/// Each type's samples hold exactly one private `secret`, the value every
/// measured body is checked not to contain.
#[test]
fn samples_plant_the_secret_the_checks_look_for() {
    fn secrets<E>(samples: &[E], secret: fn(&E) -> Option<&str>) -> Vec<&str> {
        samples.iter().filter_map(secret).collect()
    }
    assert_eq!(
        secrets(&FlatError::samples(), FlatError::secret),
        ["hunter2"]
    );
    assert_eq!(
        secrets(&NestedError::samples(), NestedError::secret),
        ["hunter2"]
    );
    assert_eq!(
        secrets(&TypedError::samples(), TypedError::secret),
        ["hunter2"]
    );
    assert_eq!(
        secrets(&DescribedError::samples(), DescribedError::secret),
        ["hunter2"]
    );
    assert_eq!(
        secrets(&OAuth2Error::samples(), OAuth2Error::secret),
        ["hunter2"]
    );
    assert_eq!(
        secrets(&ProblemError::samples(), ProblemError::secret),
        ["hunter2"]
    );
    assert_eq!(
        secrets(&CustomError::samples(), CustomError::secret),
        ["hunter2"]
    );
}

#[test]
fn built_in_declared_shapes_allocate_nothing() {
    for error in FlatError::samples() {
        assert_no_allocation(&error, "flat");
    }
    for error in NestedError::samples() {
        assert_no_allocation(&error, "nested");
    }
    for error in TypedError::samples() {
        assert_no_allocation(&error, "typed");
    }
    for error in DescribedError::samples() {
        assert_no_allocation(&error, "described");
    }
    for error in OAuth2Error::samples() {
        assert_no_allocation(&error, "oauth2");
    }
    for error in ProblemError::samples() {
        assert_no_allocation(&error, "problem");
    }
}

#[test]
fn custom_declared_shape_allocates_nothing() {
    for error in CustomError::samples() {
        assert_no_allocation(&error, "custom");
    }
}

#[test]
fn trait_objects_allocate_nothing() {
    let boxed: Vec<Box<dyn ApiError + Send + Sync>> = ProblemError::samples()
        .into_iter()
        .map(|error| Box::new(error) as Box<dyn ApiError + Send + Sync>)
        .chain(
            CustomError::samples()
                .into_iter()
                .map(|error| Box::new(error) as Box<dyn ApiError + Send + Sync>),
        )
        .collect();
    for error in &boxed {
        // `&Box<dyn ApiError>` as `&dyn ApiError`, and the inner object.
        assert_no_allocation(error, "boxed");
        assert_no_allocation(&**error, "dyn");
    }
}

#[test]
fn transparent_variants_allocate_nothing() {
    for error in TypedError::samples() {
        assert_no_allocation(&OuterTyped::Typed(error), "transparent typed");
    }
    for error in CustomError::samples() {
        assert_no_allocation(&OuterCustom::Custom(error), "transparent custom");
    }
}

/// The samples write what they say: the measured bodies are not empty shells.
#[test]
fn measured_bodies_hold_the_samples() {
    let samples = ProblemError::samples();
    let (text, made) = write_counting(&Envelope::new(&samples[3]));
    assert_eq!(made, 0);
    assert_eq!(
        text,
        r#"{"type":"https://errors.example/exposed","title":"Unprocessable Entity","status":422,"detail":"Invalid \"a \"quoted\" name\"\nowned\ttext é","code":"exposed","id":18446744073709551615,"delta":-3,"score":1.5e-7,"name":"a \"quoted\" name","label":"owned\ttext é","owner":{"login":"root","id":1,"roles":["admin","ops"]},"missing":null,"errors":{"order":[{"field":"first_name","code":"blank","message":"Required"},{"field":"email","code":"taken","message":"Already used"}],"tickets":{"2148082":[{"field":"guest","code":"blank","message":"can't be blank"}]}}}"#,
    );
    let (text, made) = write_counting(&Envelope::new(&samples[2]));
    assert_eq!(made, 0);
    assert_eq!(
        text,
        r#"{"type":"https://errors.example/templated","title":"Conflict","status":409,"detail":"User      zoë has 0007 keys (0.12) {ok}","code":"templated"}"#,
    );
    let custom = CustomError::samples();
    let (text, made) = write_counting(&Envelope::new(&custom[4]));
    assert_eq!(made, 0);
    assert_eq!(
        text,
        r#"{"error":{"code":400,"message":"Bad ticket","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"details_template","metadata":{"details":"The ticket is 12 bytes too long"}}]}}"#,
    );
    let flat = FlatError::samples();
    let (text, made) = write_counting(&Envelope::new(&flat[5]));
    assert_eq!(made, 0);
    assert_eq!(
        text,
        r#"{"message":"Invalid owner","code":"details_field","details":{"login":"guest","id":2,"roles":["reader","writer"]},"status_code":400}"#,
    );
}

/// The allocations of `http_response(error)`, once the thread's scratch
/// buffer has room: one for the body (the scratch buffer's copy, of the
/// body's size, or the constant body's copy), two for the header map (its
/// index table and its entries, at the first header), and two per header
/// field (its text, and the header value copied from it).
fn response_allocations(error: &dyn ApiError) -> usize {
    drop(errcat::http_response(error));
    let (response, made) = counting(|| errcat::http_response(error));
    assert_eq!(
        response.body().len(),
        response.body().capacity(),
        "the body is allocated at its size"
    );
    made
}

#[test]
fn a_response_allocates_its_body_once() {
    fn check(samples: Vec<impl ApiError>, label: &str) {
        for error in &samples {
            let header_fields = error.entry().header_fields().len();
            assert_eq!(
                response_allocations(error),
                1 + 2 + 2 * header_fields,
                "{label}: {}",
                error.code()
            );
        }
    }
    check(FlatError::samples(), "flat");
    check(NestedError::samples(), "nested");
    check(TypedError::samples(), "typed");
    check(DescribedError::samples(), "described");
    check(OAuth2Error::samples(), "oauth2");
    check(ProblemError::samples(), "problem");
    check(CustomError::samples(), "custom");
    let boxed: Box<dyn ApiError + Send + Sync> = Box::new(NestedError::Unit);
    assert_eq!(response_allocations(&*boxed), 3);
    assert_eq!(
        response_allocations(&OuterTyped::Typed(TypedError::Header { retry_after: 1 })),
        5
    );
}

/// The axum glue adds no allocation for the body: the body moves into
/// axum's `Body` without a copy (it is allocated at its size), which boxes
/// it (one allocation). A JSON response needs no mark to be told from
/// axum's own failures, so it gets no extension map.
#[test]
fn the_axum_glue_adds_no_body_allocation() {
    for error in NestedError::samples() {
        let expected = response_allocations(&error) + 1;
        let (_, made) = counting(|| errcat::axum::response(&error));
        assert_eq!(made, expected, "{}", error.code());
    }
}

/// `CatalogLayer` keeps a request's `Accept-Language` in scope by sharing
/// the header's bytes, not copying them: a request that sends one costs no
/// more allocations than one that does not, whether its route answers or
/// fails.
#[test]
fn the_catalog_layer_keeps_accept_language_without_allocating() {
    use std::future::Future as _;
    use std::task::{Context, Poll, Waker};

    use axum::routing::get;
    use tower_service::Service as _;

    let mut router = axum::Router::new()
        .route("/answered", get(|| async { "ok" }))
        .route(
            "/failed",
            get(|| async {
                Err::<(), _>(users_api::ServiceError::UserNotFound {
                    username: "nobody".to_owned(),
                })
            }),
        )
        .layer(errcat::axum::CatalogLayer::<users_api::ServiceError>::new());
    let mut made = |path: &str, accept_language: Option<&str>| {
        let mut request = http::Request::builder().uri(path);
        // Held until the response is made.
        let mut held = None;
        if let Some(value) = accept_language {
            // Cloned once, so that its bytes are shared, as those of a
            // header hyper parses are (slices of its read buffer).
            let value = http::HeaderValue::from_str(value).unwrap();
            request = request.header("accept-language", value.clone());
            held = Some(value);
        }
        let request = request.body(axum::body::Body::empty()).unwrap();
        // The request is built before counting; the router is called and
        // polled to its response while counting.
        let (response, made) = counting(|| {
            let mut answered = std::pin::pin!(router.call(request));
            match answered
                .as_mut()
                .poll(&mut Context::from_waker(Waker::noop()))
            {
                Poll::Ready(Ok(response)) => response,
                other => panic!("{path}: not answered at once: {other:?}"),
            }
        });
        drop(held);
        (response.status(), made)
    };
    for path in ["/answered", "/failed"] {
        // The first request of a thread sets up what every later one reuses.
        made(path, None);
        let (status, without) = made(path, None);
        // Neither range has a translation: both bodies are in the default language.
        let (same_status, with) = made(path, Some("xx, yy-ZZ;q=0.5"));
        assert_eq!(status, same_status, "{path}");
        assert_eq!(with, without, "{path}: allocations with Accept-Language");
    }
}

/// actix-web's `Negotiate` middleware, like `CatalogLayer`, shares the
/// bytes of a request's `Accept-Language`: a request that sends one costs no
/// more allocations than one that does not, whether its route answers or
/// fails.
#[cfg(feature = "actix-web")]
#[actix_web::test]
async fn negotiate_keeps_accept_language_without_allocating() {
    use actix_web::{App, test, web};

    async fn answered() -> &'static str {
        "ok"
    }

    async fn failed() -> Result<&'static str, users_api::ServiceError> {
        Err(users_api::ServiceError::UserNotFound {
            username: "nobody".to_owned(),
        })
    }

    let app = test::init_service(
        App::new()
            .wrap(errcat::actix_web::Negotiate)
            .route("/answered", web::get().to(answered))
            .route("/failed", web::get().to(failed)),
    )
    .await;
    let made = async |path: &str, accept_language: Option<&str>| {
        let mut request = test::TestRequest::get().uri(path);
        // Held until the response is made.
        let mut held = None;
        if let Some(value) = accept_language {
            // Cloned once, so that its bytes are shared, as those of a
            // header actix-web parses are.
            let value = actix_web::http::header::HeaderValue::from_str(value).unwrap();
            request = request.insert_header(("accept-language", value.clone()));
            held = Some(value);
        }
        let request = request.to_request();
        // The test runtime runs everything on this thread, the one counted.
        ALLOCATIONS.with(|count| count.set(0));
        MEASURING.with(|measuring| measuring.set(true));
        let response = test::call_service(&app, request).await;
        MEASURING.with(|measuring| measuring.set(false));
        drop(held);
        (response.status(), ALLOCATIONS.with(Cell::get))
    };
    for path in ["/answered", "/failed"] {
        // The first request sets up what every later one reuses.
        made(path, None).await;
        let (status, without) = made(path, None).await;
        // Neither range has a translation: both bodies are in the default language.
        let (same_status, with) = made(path, Some("xx, yy-ZZ;q=0.5")).await;
        assert_eq!(status, same_status, "{path}");
        assert_eq!(with, without, "{path}: allocations with Accept-Language");
    }
}

/// The actix-web glue adds no allocation for the body either (`Bytes`
/// takes the body, allocated at its size, without a copy) nor for a literal
/// message, which it borrows from the row; it copies the headers into
/// actix's own map (one allocation for the map, one per value) and writes a
/// templated message into a `String`.
#[cfg(feature = "actix-web")]
#[test]
fn the_actix_web_glue_adds_no_body_allocation() {
    for error in NestedError::samples() {
        let headers = errcat::http_response(&error).headers().len();
        // A template is written into a `String`, as `to_string` does; the
        // samples' literal messages have no brace.
        let message = if error.entry().message.contains('{') {
            counting(|| error.message().to_string()).1
        } else {
            0
        };
        let expected = response_allocations(&error) + 1 + headers + message;
        // The first call of a thread sets up what every later one reuses.
        drop(errcat::actix_web::Failure::new(&error));
        let (_, made) = counting(|| errcat::actix_web::Failure::new(&error));
        assert_eq!(made, expected, "{}", error.code());
    }
}

#[test]
fn status_and_code_allocate_nothing() {
    for error in ProblemError::samples() {
        let boxed: Box<dyn ApiError + Send + Sync> = Box::new(error);
        let ((status, code), made) = counting(|| (boxed.status(), boxed.code()));
        assert_eq!(made, 0, "{code}");
        assert_eq!(status, boxed.entry().status);
    }
}
