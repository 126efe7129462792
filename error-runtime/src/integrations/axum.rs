//! axum: return the error from a handler, and every failure in the
//! catalog's envelope.
//!
//! - Every derived type, and `Box<dyn ApiError + Send + Sync>`, is an
//!   [`IntoResponse`] answering with what [`http_response`](crate::http_response) writes: a handler
//!   returns `Result<_, YourError>`.
//! - [`CatalogLayer`], installed once on the router, answers every error
//!   response axum makes on its own with the catalog error your
//!   [`FromRejection`] implementation picks: the extractors' rejections
//!   (JSON syntax or shape, content type, query string, path, form), the
//!   router's 404 for an unknown path and 405 for a wrong method, and the 413
//!   of a body over the [`DefaultBodyLimit`](::axum::extract::DefaultBodyLimit).
//! - The extractors [`Json`], [`Query`], [`Path`] and [`Form`] are axum's,
//!   with a rejection that says exactly what went wrong, so that
//!   [`FromRejection`] sees the precise [`RejectionKind`].
//!
//! ```
//! use axum::Router;
//! use axum::routing::get;
//! use errcat::axum::{CatalogLayer, Json, Path};
//! use errcat::{ApiError, FromRejection, Rejection, RejectionKind};
//!
//! #[derive(Debug, ApiError)]
//! #[api(format = "nested")]
//! enum UserError {
//!     #[api(status = 400, code = "InvalidInput", message = "One of the request inputs is invalid.")]
//!     InvalidInput,
//!     #[api(status = 404, code = "UserNotFound", message = "No user {id}")]
//!     UserNotFound { id: u64 },
//!     #[api(status = 404, code = "NotFound", message = "There is nothing here.")]
//!     NotFound,
//!     #[api(status = 405, code = "MethodNotAllowed", message = "This method is not allowed here.")]
//!     MethodNotAllowed,
//!     #[api(status = 500, code = "Internal", message = "Something failed on our side.")]
//!     Internal,
//! }
//!
//! // Once for the whole router: which catalog error answers each failure.
//! impl FromRejection for UserError {
//!     fn from_rejection(rejection: &Rejection) -> Self {
//!         match rejection.kind() {
//!             RejectionKind::NotFound => UserError::NotFound,
//!             RejectionKind::MethodNotAllowed => UserError::MethodNotAllowed,
//!             _ if rejection.status().is_server_error() => UserError::Internal,
//!             _ => UserError::InvalidInput,
//!         }
//!     }
//! }
//!
//! async fn show_user(Path(id): Path<u64>) -> Result<String, UserError> {
//!     Err(UserError::UserNotFound { id })
//! }
//!
//! async fn rename_user(Json(name): Json<String>) -> Result<String, UserError> {
//!     Ok(name)
//! }
//!
//! let app: Router = Router::new()
//!     .route("/users/{id}", get(show_user))
//!     .route("/users/{id}/name", axum::routing::put(rename_user))
//!     .layer(CatalogLayer::<UserError>::new());
//! # use axum::body::Body;
//! # use axum::http::Request;
//! # /// What a server would answer `request` with: status and body.
//! # fn answer(app: &Router, request: Request<Body>) -> (u16, String) {
//! #     use std::future::Future;
//! #     use tower_service::Service;
//! #     let mut app = app.clone();
//! #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
//! #     let mut pending = std::pin::pin!(app.call(request));
//! #     let response = loop {
//! #         if let std::task::Poll::Ready(response) = pending.as_mut().poll(&mut cx) {
//! #             break response.unwrap();
//! #         }
//! #     };
//! #     let status = response.status().as_u16();
//! #     let mut body = std::pin::pin!(axum::body::to_bytes(response.into_body(), 4096));
//! #     let body = loop {
//! #         if let std::task::Poll::Ready(body) = body.as_mut().poll(&mut cx) {
//! #             break body.unwrap();
//! #         }
//! #     };
//! #     (status, String::from_utf8(body.to_vec()).unwrap())
//! # }
//! # let get = |uri: &str| Request::get(uri).body(Body::empty()).unwrap();
//!
//! // `answer` sends a request through the router: status and body.
//! assert_eq!(
//!     answer(&app, get("/users/7")),
//!     (404, r#"{"error":{"status":404,"message":"No user 7","code":"UserNotFound"}}"#.into()),
//! );
//! // The router's own 404, and the `Path` rejection, in the same envelope.
//! assert_eq!(
//!     answer(&app, get("/nowhere")),
//!     (404, r#"{"error":{"status":404,"message":"There is nothing here.","code":"NotFound"}}"#.into()),
//! );
//! assert_eq!(
//!     answer(&app, get("/users/seven")),
//!     (400, r#"{"error":{"status":400,"message":"One of the request inputs is invalid.","code":"InvalidInput"}}"#.into()),
//! );
//! ```
//!
//! # Why a layer
//!
//! The router's 404 and 405 never reach a handler or an extractor, and
//! neither does a rejection of one of axum's own extractors, so only
//! something around the router sees them all: the layer looks at each
//! response as it leaves the router. Extractor wrappers that carry the error
//! type in their own type (axum-extra's `WithRejection<Json<T>, E>`) would
//! cover the handlers' arguments alone, and make every handler repeat the
//! choice that the layer takes once.
//!
//! The layer tells responses apart this way:
//!
//! 1. A response errcat wrote (through [`response`] or an `IntoResponse` of
//!    an errcat error) carries a marker in its extensions: it passes
//!    untouched, whatever its status, so a handler's own `UserNotFound`
//!    stays as it is.
//! 2. A response of one of errcat's extractors, or of a [`Rejection`]
//!    returned by your own extractor, carries that [`Rejection`]: its
//!    kind is exact.
//! 3. Any other response with a 4xx or 5xx status, with no `Content-Type` or
//!    a `text/plain` one — what axum makes for a rejection, the router's
//!    empty 404 and 405 — is a framework failure. Its kind comes from its
//!    status (404, 405, 413, 415) or, for a 400 or 422, from the start of
//!    axum's text ("Failed to parse the request body as JSON", ...), else
//!    [`RejectionKind::Other`]. The layer reads that text only from a body
//!    that announces its exact size, at most 4 KiB, and never the request.
//!    Responses with another content type (JSON, HTML) pass untouched.
//!
//! The catalog error's response keeps the failure's other headers, such as
//! the `Allow` of a 405, and replaces its status, content type and body.
//! The framework's text is in [`Rejection::text`], and reaches the client
//! only if your [`FromRejection`] puts it in an exposed field.
//!
//! Install the layer with [`Router::layer`](::axum::Router::layer) after
//! the routes and the fallback it should cover.

use core::fmt;
use core::future::Future;
use core::marker::PhantomData;
use core::ops::{Deref, DerefMut};
use core::pin::Pin;
use core::task::{Context, Poll};

use ::axum::body::{Body, HttpBody};
use ::axum::extract::rejection::{
    BytesRejection, FailedToBufferBody, FormRejection, JsonRejection, PathRejection, QueryRejection,
};
use ::axum::extract::{FromRequest, FromRequestParts, Request};
use ::axum::http::request::Parts;
use ::axum::response::{IntoResponse, Response};
use http::header::{CONTENT_LENGTH, CONTENT_TYPE, TRANSFER_ENCODING};
use http::{HeaderMap, StatusCode};

#[cfg(not(feature = "locales"))]
use crate::http_response;
use crate::locale::Scope;
use crate::{ApiError, FromRejection, Rejection, RejectionKind};

/// The axum response of `error`: [`http_response`](crate::http_response) with its body, marked as
/// errcat's so that [`CatalogLayer`] lets it through.
///
/// With the `locales` feature, inside [`CatalogLayer`] the message is in the
/// locale the request's `Accept-Language` prefers among the type's
/// translations, with `Content-Language` and `Vary: Accept-Language`.
#[must_use]
pub fn response<E: ApiError + ?Sized>(error: &E) -> Response {
    #[cfg(feature = "locales")]
    let response = crate::locale::render(error.__as_dyn());
    #[cfg(not(feature = "locales"))]
    let response = http_response(error);
    let mut response = response.map(Body::from);
    // Only a body axum could have written needs telling apart; marking
    // every response would cost each one an allocation.
    if is_framework_failure(&response) {
        response.extensions_mut().insert(Written);
    }
    response
}

/// The mark of a response errcat wrote that looks like one of axum's own
/// failures (a custom format's plain text).
#[derive(Clone, Copy)]
struct Written;

/// What the hook's impls name.
#[doc(hidden)]
pub mod __private {
    pub use ::axum::response::{IntoResponse, Response};
}

impl IntoResponse for Box<dyn ApiError + Send + Sync> {
    fn into_response(self) -> Response {
        response(&*self)
    }
}

/// A rejection answers with its status and an empty body, and carries
/// itself in the response's extensions, where [`CatalogLayer`] finds it.
/// Its text is not sent: without the layer, the client sees the status
/// alone.
impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let mut response = Response::new(Body::empty());
        *response.status_mut() = self.status();
        response.extensions_mut().insert(self);
        response
    }
}

#[doc(hidden)]
#[macro_export]
macro_rules! __integrate_axum {
    (impl [$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::axum::__private::IntoResponse for $($ty)* $($where)* {
            fn into_response(self) -> $crate::axum::__private::Response {
                $crate::axum::response(&self)
            }
        }
    };
}

// ---------------------------------------------------------------------------
// The layer.

/// The most of a framework response's body the layer reads.
const TEXT_LIMIT: usize = 4096;

/// A [`tower_layer::Layer`] that answers every failure axum produces on its
/// own with the catalog error `E` picks for it (see the [module
/// documentation](self)).
///
/// ```
/// # use errcat::{ApiError, FromRejection, Rejection};
/// # #[derive(Debug, ApiError)]
/// # #[api(status = 400)]
/// # struct BadRequest;
/// # impl FromRejection for BadRequest {
/// #     fn from_rejection(_: &Rejection) -> Self { BadRequest }
/// # }
/// let app: axum::Router = axum::Router::new()
///     .route("/", axum::routing::get(|| async { "hello" }))
///     .layer(errcat::axum::CatalogLayer::<BadRequest>::new());
/// ```
pub struct CatalogLayer<E> {
    error: PhantomData<fn() -> E>,
}

impl<E> CatalogLayer<E> {
    /// The layer that answers failures with `E::from_rejection`.
    #[must_use]
    pub const fn new() -> Self {
        CatalogLayer { error: PhantomData }
    }
}

impl<E> Default for CatalogLayer<E> {
    fn default() -> Self {
        Self::new()
    }
}

impl<E> Clone for CatalogLayer<E> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<E> Copy for CatalogLayer<E> {}

impl<E> fmt::Debug for CatalogLayer<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CatalogLayer<{}>", core::any::type_name::<E>())
    }
}

impl<S, E> tower_layer::Layer<S> for CatalogLayer<E> {
    type Service = CatalogService<S, E>;

    fn layer(&self, inner: S) -> Self::Service {
        CatalogService {
            inner,
            error: PhantomData,
        }
    }
}

/// The service [`CatalogLayer`] wraps around another.
pub struct CatalogService<S, E> {
    inner: S,
    error: PhantomData<fn() -> E>,
}

impl<S: Clone, E> Clone for CatalogService<S, E> {
    fn clone(&self) -> Self {
        CatalogService {
            inner: self.inner.clone(),
            error: PhantomData,
        }
    }
}

impl<S: fmt::Debug, E> fmt::Debug for CatalogService<S, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CatalogService")
            .field("inner", &self.inner)
            .finish_non_exhaustive()
    }
}

impl<S, E, B> tower_service::Service<http::Request<B>> for CatalogService<S, E>
where
    S: tower_service::Service<http::Request<B>, Response = Response>,
    E: FromRejection,
{
    type Response = Response;
    type Error = S::Error;
    type Future = ResponseFuture<S::Future, E>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), Self::Error>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, request: http::Request<B>) -> Self::Future {
        ResponseFuture {
            scope: Scope::of_axum(request.headers()),
            answered: self.inner.call(request),
            reading: None,
            error: PhantomData,
        }
    }
}

pin_project_lite::pin_project! {
    /// The response future of [`CatalogService`]: the inner service's,
    /// polled with the request's `Accept-Language` in scope (so that errors
    /// written inside are in the locale it prefers), then its response, or
    /// the catalog error that answers it.
    pub struct ResponseFuture<F, E> {
        #[pin]
        answered: F,
        scope: Scope,
        // Reading the text of a failure axum wrote; boxed, as only those
        // need it.
        reading: Option<Pin<Box<dyn Future<Output = Response> + Send>>>,
        error: PhantomData<fn() -> E>,
    }
}

impl<F, Error, E> Future for ResponseFuture<F, E>
where
    F: Future<Output = Result<Response, Error>>,
    E: FromRejection,
{
    type Output = Result<Response, Error>;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        let mut this = self.project();
        loop {
            if let Some(reading) = this.reading {
                return this.scope.enter(|| reading.as_mut().poll(cx)).map(Ok);
            }
            let answered = this.answered.as_mut();
            let response = match this.scope.enter(|| answered.poll(cx)) {
                Poll::Ready(Ok(response)) => response,
                Poll::Ready(Err(error)) => return Poll::Ready(Err(error)),
                Poll::Pending => return Poll::Pending,
            };
            match in_catalog::<E>(response, this.scope) {
                Checked::Answered(response) => return Poll::Ready(Ok(response)),
                Checked::Unread(parts, body) => {
                    *this.reading = Some(Box::pin(answer_text::<E>(parts, body)));
                }
            }
        }
    }
}

impl<F, E> fmt::Debug for ResponseFuture<F, E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ResponseFuture").finish_non_exhaustive()
    }
}

/// A response as [`in_catalog`] left it.
enum Checked {
    /// The response to send.
    Answered(Response),
    /// A failure axum wrote, whose text says which it is.
    Unread(http::response::Parts, Body),
}

/// `response`, or the catalog error that answers it (in the request's
/// locale) when it is a failure errcat did not write; a failure whose text is
/// still to be read, which [`answer_text`] then answers.
fn in_catalog<E: FromRejection>(response: Response, scope: &mut Scope) -> Checked {
    if response.extensions().get::<Written>().is_some() {
        return Checked::Answered(response);
    }
    if let Some(rejection) = response.extensions().get::<Rejection>() {
        let answered = scope.enter(|| answer::<E>(rejection, response.headers()));
        return Checked::Answered(answered);
    }
    if !is_framework_failure(&response) {
        return Checked::Answered(response);
    }
    let (parts, body) = response.into_parts();
    Checked::Unread(parts, body)
}

/// The catalog error that answers the failure axum wrote as `parts` and
/// `body`.
async fn answer_text<E: FromRejection>(parts: http::response::Parts, body: Body) -> Response {
    let text = read_text(body).await;
    let rejection = Rejection::new(classify(parts.status, &text), parts.status, text);
    answer::<E>(&rejection, &parts.headers)
}

/// Whether `response` is an error response in the shape axum gives its own:
/// no content type, or plain text.
fn is_framework_failure(response: &Response) -> bool {
    let status = response.status();
    if !(status.is_client_error() || status.is_server_error()) {
        return false;
    }
    match response.headers().get(CONTENT_TYPE) {
        None => true,
        Some(value) => value
            .as_bytes()
            .get(..b"text/plain".len())
            .is_some_and(|start| start.eq_ignore_ascii_case(b"text/plain")),
    }
}

/// The text of a body that says it holds at most [`TEXT_LIMIT`] bytes, with
/// invalid UTF-8 replaced; "" for any other body.
async fn read_text(body: Body) -> String {
    let small = body
        .size_hint()
        .exact()
        .is_some_and(|size| size <= TEXT_LIMIT as u64);
    if !small {
        return String::new();
    }
    match ::axum::body::to_bytes(body, TEXT_LIMIT).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    }
}

/// How the texts of axum 0.8's rejections (their `body_text()`) start.
const AXUM_TEXTS: [(&str, RejectionKind); 6] = [
    (
        "Failed to parse the request body as JSON",
        RejectionKind::InvalidJson,
    ),
    (
        "Failed to deserialize the JSON body",
        RejectionKind::InvalidJsonData,
    ),
    (
        "Failed to deserialize query string",
        RejectionKind::InvalidQuery,
    ),
    ("Failed to deserialize form", RejectionKind::InvalidForm),
    ("Invalid URL", RejectionKind::InvalidPath),
    ("Invalid UTF-8 in `", RejectionKind::InvalidPath),
];

/// The kind of a failure axum answered with `status` and `text`.
fn classify(status: StatusCode, text: &str) -> RejectionKind {
    match status {
        StatusCode::NOT_FOUND => return RejectionKind::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => return RejectionKind::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => return RejectionKind::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => return RejectionKind::UnsupportedMediaType,
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY => {}
        _ => return RejectionKind::Other,
    }
    AXUM_TEXTS
        .iter()
        .find(|(start, _)| text.starts_with(start))
        .map_or(RejectionKind::Other, |&(_, kind)| kind)
}

/// The response of `E`'s error for `rejection`, with the failure's headers
/// that it does not set itself.
fn answer<E: FromRejection>(rejection: &Rejection, failure: &HeaderMap) -> Response {
    let mut response = response(&E::from_rejection(rejection));
    let headers = response.headers_mut();
    let mut kept = HeaderMap::new();
    for (name, value) in failure {
        let framing = name == CONTENT_TYPE || name == CONTENT_LENGTH || name == TRANSFER_ENCODING;
        if !framing && !headers.contains_key(name) {
            kept.append(name.clone(), value.clone());
        }
    }
    for (name, value) in &kept {
        headers.append(name.clone(), value.clone());
    }
    response
}

// ---------------------------------------------------------------------------
// Extractors: axum's, each rejection turned into errcat's `Rejection` of
// the exact kind, with axum's status and text.

fn bytes_kind(rejection: &BytesRejection) -> RejectionKind {
    match rejection {
        BytesRejection::FailedToBufferBody(FailedToBufferBody::LengthLimitError(_)) => {
            RejectionKind::PayloadTooLarge
        }
        _ => RejectionKind::Other,
    }
}

fn json_rejection(rejection: &JsonRejection) -> Rejection {
    let kind = match rejection {
        JsonRejection::JsonSyntaxError(_) => RejectionKind::InvalidJson,
        JsonRejection::JsonDataError(_) => RejectionKind::InvalidJsonData,
        JsonRejection::MissingJsonContentType(_) => RejectionKind::UnsupportedMediaType,
        JsonRejection::BytesRejection(bytes) => bytes_kind(bytes),
        _ => RejectionKind::Other,
    };
    Rejection::new(kind, rejection.status(), rejection.body_text())
}

fn form_rejection(rejection: &FormRejection) -> Rejection {
    let kind = match rejection {
        FormRejection::InvalidFormContentType(_) => RejectionKind::UnsupportedMediaType,
        FormRejection::FailedToDeserializeForm(_)
        | FormRejection::FailedToDeserializeFormBody(_) => RejectionKind::InvalidForm,
        FormRejection::BytesRejection(bytes) => bytes_kind(bytes),
        _ => RejectionKind::Other,
    };
    Rejection::new(kind, rejection.status(), rejection.body_text())
}

fn query_rejection(rejection: &QueryRejection) -> Rejection {
    let kind = match rejection {
        QueryRejection::FailedToDeserializeQueryString(_) => RejectionKind::InvalidQuery,
        _ => RejectionKind::Other,
    };
    Rejection::new(kind, rejection.status(), rejection.body_text())
}

fn path_rejection(rejection: &PathRejection) -> Rejection {
    // A path that does not decode is the client's; the other failures (a
    // wrong number of parameters, an unsupported type, no parameters) are
    // mistakes of the service, which axum answers with a 500.
    let kind = match rejection {
        PathRejection::FailedToDeserializePathParams(_) if rejection.status().is_client_error() => {
            RejectionKind::InvalidPath
        }
        _ => RejectionKind::Other,
    };
    Rejection::new(kind, rejection.status(), rejection.body_text())
}

/// Writes the wrapper types: a tuple struct around the value, `Deref` to it.
macro_rules! wrapper {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        pub struct $name<T>(pub T);

        impl<T> Deref for $name<T> {
            type Target = T;

            fn deref(&self) -> &T {
                &self.0
            }
        }

        impl<T> DerefMut for $name<T> {
            fn deref_mut(&mut self) -> &mut T {
                &mut self.0
            }
        }

        impl<T> From<T> for $name<T> {
            fn from(value: T) -> Self {
                $name(value)
            }
        }
    };
}

wrapper! {
    /// axum's [`Json`](::axum::Json) extractor, whose rejection is a
    /// [`Rejection`] of the exact kind: [`InvalidJson`](RejectionKind::InvalidJson),
    /// [`InvalidJsonData`](RejectionKind::InvalidJsonData),
    /// [`UnsupportedMediaType`](RejectionKind::UnsupportedMediaType) or
    /// [`PayloadTooLarge`](RejectionKind::PayloadTooLarge). As a response, the
    /// value as JSON, like axum's.
    Json
}

wrapper! {
    /// axum's [`Query`](::axum::extract::Query) extractor, whose rejection is
    /// a [`Rejection`] of kind [`InvalidQuery`](RejectionKind::InvalidQuery).
    Query
}

wrapper! {
    /// axum's [`Path`](::axum::extract::Path) extractor, whose rejection is a
    /// [`Rejection`] of kind [`InvalidPath`](RejectionKind::InvalidPath), or
    /// [`Other`](RejectionKind::Other) with status 500 for a route whose
    /// parameters do not fit the type.
    Path
}

wrapper! {
    /// axum's [`Form`](::axum::Form) extractor, whose rejection is a
    /// [`Rejection`] of kind [`InvalidForm`](RejectionKind::InvalidForm),
    /// [`UnsupportedMediaType`](RejectionKind::UnsupportedMediaType) or
    /// [`PayloadTooLarge`](RejectionKind::PayloadTooLarge).
    Form
}

impl<T, S> FromRequest<S> for Json<T>
where
    ::axum::Json<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        match ::axum::Json::<T>::from_request(request, state).await {
            Ok(::axum::Json(value)) => Ok(Json(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

impl<T> IntoResponse for Json<T>
where
    ::axum::Json<T>: IntoResponse,
{
    fn into_response(self) -> Response {
        ::axum::Json(self.0).into_response()
    }
}

impl<T, S> FromRequest<S> for Form<T>
where
    ::axum::Form<T>: FromRequest<S, Rejection = FormRejection>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request(request: Request, state: &S) -> Result<Self, Rejection> {
        match ::axum::Form::<T>::from_request(request, state).await {
            Ok(::axum::Form(value)) => Ok(Form(value)),
            Err(rejection) => Err(form_rejection(&rejection)),
        }
    }
}

impl<T, S> FromRequestParts<S> for Query<T>
where
    ::axum::extract::Query<T>: FromRequestParts<S, Rejection = QueryRejection>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        match ::axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Query(value)) => Ok(Query(value)),
            Err(rejection) => Err(query_rejection(&rejection)),
        }
    }
}

impl<T, S> FromRequestParts<S> for Path<T>
where
    ::axum::extract::Path<T>: FromRequestParts<S, Rejection = PathRejection>,
    S: Send + Sync,
{
    type Rejection = Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Rejection> {
        match ::axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(::axum::extract::Path(value)) => Ok(Path(value)),
            Err(rejection) => Err(path_rejection(&rejection)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_axum_texts() {
        let cases = [
            (
                400,
                "Failed to parse the request body as JSON: expected value at line 1 column 1",
                RejectionKind::InvalidJson,
            ),
            (
                422,
                "Failed to deserialize the JSON body into the target type: missing field `email`",
                RejectionKind::InvalidJsonData,
            ),
            (
                400,
                "Failed to deserialize query string: missing field `q`",
                RejectionKind::InvalidQuery,
            ),
            (
                400,
                "Failed to deserialize form: missing field `name`",
                RejectionKind::InvalidForm,
            ),
            (
                422,
                "Failed to deserialize form body: missing field `name`",
                RejectionKind::InvalidForm,
            ),
            (
                400,
                "Invalid URL: Cannot parse `x` to a `u64`",
                RejectionKind::InvalidPath,
            ),
            (400, "Invalid UTF-8 in `id`", RejectionKind::InvalidPath),
            (
                400,
                "Failed to buffer the request body: error",
                RejectionKind::Other,
            ),
            (400, "", RejectionKind::Other),
            (404, "", RejectionKind::NotFound),
            (405, "", RejectionKind::MethodNotAllowed),
            (
                413,
                "Failed to buffer the request body: length limit exceeded",
                RejectionKind::PayloadTooLarge,
            ),
            (
                415,
                "Expected request with `Content-Type: application/json`",
                RejectionKind::UnsupportedMediaType,
            ),
            (500, "Invalid URL: nope", RejectionKind::Other),
        ];
        for (status, text, kind) in cases {
            let status = StatusCode::from_u16(status).unwrap();
            assert_eq!(classify(status, text), kind, "{status} {text}");
        }
    }
}
