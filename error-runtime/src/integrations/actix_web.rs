//! actix-web: return a derived error from a handler, and answer every
//! failure actix-web produces on its own from the catalog.
//!
//! # Errors from handlers
//!
//! Every derived type, and `Box<dyn ApiError + Send + Sync>`, is an
//! [`actix_web::Responder`] and converts into an [`actix_web::Error`], so a
//! handler returns `Result<T, UserError>` (or `Result<T, actix_web::Error>`
//! with `?`), and the response has the status, headers and body bytes of
//! [`http_response`](crate::http_response), whether or not the type implements `Display`.
//!
//! ```
//! use actix_web::{App, HttpResponse, test, web};
//! use errcat::{ApiError, FromRejection, Rejection, RejectionKind};
//!
//! // No `#[api(display)]`, no `Display`: nothing more is needed.
//! #[derive(Debug, ApiError)]
//! #[api(format = "nested")]
//! enum UserError {
//!     #[api(status = 404, code = "UserNotFound", message = "No user {id}")]
//!     UserNotFound { id: u64 },
//!     #[api(status = 400, code = "InvalidInput", message = "One of the request inputs is invalid.")]
//!     InvalidInput,
//!     #[api(status = 404, code = "NotFound", message = "There is nothing here.")]
//!     NotFound,
//! }
//!
//! impl FromRejection for UserError {
//!     fn from_rejection(rejection: &Rejection) -> Self {
//!         match rejection.kind() {
//!             RejectionKind::NotFound => UserError::NotFound,
//!             _ => UserError::InvalidInput,
//!         }
//!     }
//! }
//!
//! async fn show_user(id: web::Path<u64>) -> Result<HttpResponse, UserError> {
//!     Err(UserError::UserNotFound { id: id.into_inner() })
//! }
//!
//! # actix_web::rt::System::new().block_on(async {
//! let app = test::init_service(
//!     App::new()
//!         .configure(errcat::actix_web::configure::<UserError>)
//!         .route("/users/{id}", web::get().to(show_user)),
//! )
//! .await;
//!
//! let response = test::call_service(&app, test::TestRequest::get().uri("/users/7").to_request()).await;
//! assert_eq!(response.status(), 404);
//! assert_eq!(response.headers().get("content-type").unwrap(), "application/json");
//! let body = test::read_body(response).await;
//! assert_eq!(body, r#"{"error":{"status":404,"message":"No user 7","code":"UserNotFound"}}"#);
//!
//! // A path that does not decode, and a path no route matches: the catalog's envelope.
//! let response = test::call_service(&app, test::TestRequest::get().uri("/users/seven").to_request()).await;
//! assert_eq!(response.status(), 400);
//! let response = test::call_service(&app, test::TestRequest::get().uri("/nowhere").to_request()).await;
//! let body = test::read_body(response).await;
//! assert_eq!(body, r#"{"error":{"status":404,"message":"There is nothing here.","code":"NotFound"}}"#);
//! # });
//! ```
//!
//! Why not `ResponseError` on the derived type itself: actix-web's
//! `ResponseError` requires `Display`, which a derived type has only with
//! `#[api(display)]` (or a `Display` of its own), and the derive cannot tell
//! whether it has one. So the derive implements, for every type:
//!
//! - `From<UserError> for actix_web::Error`, through [`Failure`], the
//!   `ResponseError` errcat defines: it is what the error becomes, rendered
//!   once, its `Display` the public message. `Result<T, UserError>` is a
//!   `Responder` because of it, and `?` works in handlers returning
//!   `Result<T, actix_web::Error>`. Middleware reads the code and status back
//!   with `error.as_error::<errcat::actix_web::Failure>()`.
//! - `Responder` for `UserError`, for handlers that return the error itself.
//!
//! The error is rendered when it is converted, so the impls ask nothing more
//! of the type: no `Send`, `Sync` or `'static` (an impl that needed them would
//! stop types without them from deriving once any crate in the build enables
//! the feature). A consequence: a derived type cannot also implement
//! `ResponseError` (the two `From` impls would overlap); use
//! [`http_response`](crate::http_response) or [`response`] in a handwritten impl on a wrapper
//! instead.
//!
//! Conversion from the `http` 1 types errcat writes to the `http` 0.2 types
//! actix-web 4 speaks: the status by number, each header name and value by
//! its bytes. Neither can fail for what [`http_response`](crate::http_response) writes; should one,
//! the header is left out (and a status, impossible as it is, becomes 500),
//! never a panic.
//!
//! # Failures actix-web produces
//!
//! [`configure`] (for [`App::configure`](actix_web::App::configure)) installs
//! the extractor configs ([`JsonConfig`], [`QueryConfig`], [`PathConfig`],
//! [`FormConfig`]) with an error handler that asks the service's
//! [`FromRejection`] type which catalog error answers each failure (bad JSON,
//! JSON of the wrong shape, a wrong or missing content type, a body over the
//! limit, a query, path or form that does not decode), and a default service
//! for requests no route accepts: a path no resource matches is
//! [`RejectionKind::NotFound`], a path some resource matches, but not with
//! this method, is [`RejectionKind::MethodNotAllowed`].
//!
//! It is a `configure` function, not a middleware, because the extractor
//! configs and the default service are where actix-web itself decides these
//! answers: the handlers see the typed failure (a `serde_json` syntax error
//! apart from a missing field), nothing runs on the requests that succeed,
//! and the application's body type stays what it was. Each piece is public
//! for an application that sets its own: [`json_config`] and the others
//! (`.limit(n)` on them changes a limit), [`error_handler`], [`fallback`] and
//! [`method_not_allowed`].
//!
//! What `configure` does not reach, and how to reach it:
//!
//! - A resource built with [`web::resource`](actix_web::web::resource) and
//!   method routes matches the path itself, so actix-web answers a wrong
//!   method there with its own empty 405; give it
//!   `.default_service(web::to(errcat::actix_web::method_not_allowed::<E>))`.
//!   (Routes added with `App::route`, `ServiceConfig::route` or the
//!   `#[get]`-style macros need nothing: their method guard is on the
//!   resource, and the default service answers the catalog's 405.) Neither
//!   405 has an `Allow` header: actix-web does not let other code read a
//!   resource's methods. A path matched by a resource whose other guards (a
//!   host, a header) refused the request is answered as 405 too.
//! - A scope with a default service or extractor configs of its own uses
//!   those.
//! - The `Bytes`, `String` and `web::Payload` extractors have no error
//!   handler in actix-web ([`web::PayloadConfig`](actix_web::web::PayloadConfig)
//!   takes none): their failures, a body over the limit included, are
//!   actix-web's plain-text answers. Read bodies with `Json` or `Form`, or map
//!   the failure yourself with [`rejection`].
//!
//! The framework's text about a failure (which may quote the request: a
//! field name, a fragment of the body) is [`Rejection::text`], sent only when
//! the [`FromRejection`] impl puts it in an exposed field.

use core::fmt;
use std::borrow::Cow;

use ::actix_web::body::BoxBody;
use ::actix_web::error::{
    JsonPayloadError, PathError, PayloadError, QueryPayloadError, UrlencodedError,
};
use ::actix_web::http::StatusCode as ActixStatus;
use ::actix_web::http::header::{HeaderMap, HeaderName, HeaderValue};
use ::actix_web::web::{
    self, Bytes, FormConfig, JsonConfig, PathConfig, QueryConfig, ServiceConfig,
};
use ::actix_web::{HttpRequest, HttpResponse, Responder, ResponseError};
use http::StatusCode;

use crate::{ApiError, ErrorEntry, FromRejection, Rejection, RejectionKind};

/// An API error as an actix-web [`ResponseError`]: what a derived error, or
/// a `Box<dyn ApiError + Send + Sync>`, becomes in an [`actix_web::Error`].
///
/// It holds the response [`http_response`](crate::http_response) wrote, converted to actix-web's
/// types, and answers [`status_code`](ResponseError::status_code) and
/// [`error_response`](ResponseError::error_response) from it; its `Display` is
/// the public message, its `Debug` the code, status and message.
///
/// ```
/// use errcat::ApiError;
///
/// #[derive(Debug, ApiError)]
/// enum UserError {
///     #[api(status = 409, code = "EmailAlreadyExists", message = "This email is already in use.")]
///     EmailAlreadyExists,
/// }
///
/// let error: actix_web::Error = UserError::EmailAlreadyExists.into();
/// assert_eq!(error.as_response_error().status_code(), 409);
/// let failure = error.as_error::<errcat::actix_web::Failure>().unwrap();
/// assert_eq!(failure.code(), "EmailAlreadyExists");
/// assert_eq!(failure.to_string(), "This email is already in use.");
/// ```
pub struct Failure {
    entry: &'static ErrorEntry,
    /// Borrowed from the row when the message is its literal.
    message: Cow<'static, str>,
    status: ActixStatus,
    headers: HeaderMap,
    body: Bytes,
}

impl Failure {
    /// `error`, rendered: its response and its public message.
    #[must_use]
    pub fn new<E: ApiError + ?Sized>(error: &E) -> Self {
        #[cfg(feature = "locales")]
        let response = crate::locale::render(error.__as_dyn());
        #[cfg(not(feature = "locales"))]
        let response = crate::http_response(error);
        let (parts, body) = response.into_parts();
        let mut headers = HeaderMap::with_capacity(parts.headers.len());
        for (name, value) in &parts.headers {
            let name = HeaderName::from_bytes(name.as_str().as_bytes());
            let value = HeaderValue::from_bytes(value.as_bytes());
            if let (Ok(name), Ok(value)) = (name, value) {
                headers.append(name, value);
            }
        }
        Failure {
            entry: error.entry(),
            message: match error.message().literal() {
                Some(literal) => Cow::Borrowed(literal),
                None => Cow::Owned(error.message().to_string()),
            },
            status: actix_status(parts.status),
            headers,
            body: Bytes::from(body),
        }
    }

    /// The catalog row of the error.
    #[must_use]
    pub fn entry(&self) -> &'static ErrorEntry {
        self.entry
    }

    /// The error's stable code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.entry.code
    }

    /// The status of the response.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        http_status(self.status)
    }

    /// The public message.
    #[must_use]
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl fmt::Debug for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Failure")
            .field("code", &self.entry.code)
            .field("status", &self.entry.status)
            .field("message", &self.message)
            .finish_non_exhaustive()
    }
}

impl std::error::Error for Failure {}

impl ResponseError for Failure {
    fn status_code(&self) -> ActixStatus {
        self.status
    }

    fn error_response(&self) -> HttpResponse<BoxBody> {
        let mut response = HttpResponse::with_body(self.status, BoxBody::new(self.body.clone()));
        *response.headers_mut() = self.headers.clone();
        response
    }
}

/// Answers with the error, which the response carries as its
/// [`error`](HttpResponse::error) for middleware to read.
impl Responder for Failure {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse<BoxBody> {
        HttpResponse::from_error(self)
    }
}

/// The actix-web response of `error`: [`http_response`](crate::http_response)'s status, headers
/// and body, with the error attached for middleware.
#[must_use]
pub fn response<E: ApiError + ?Sized>(error: &E) -> HttpResponse<BoxBody> {
    HttpResponse::from_error(Failure::new(error))
}

fn actix_status(status: StatusCode) -> ActixStatus {
    ActixStatus::from_u16(status.as_u16()).unwrap_or(ActixStatus::INTERNAL_SERVER_ERROR)
}

fn http_status(status: ActixStatus) -> StatusCode {
    StatusCode::from_u16(status.as_u16()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

impl From<Box<dyn ApiError + Send + Sync>> for ::actix_web::Error {
    fn from(error: Box<dyn ApiError + Send + Sync>) -> Self {
        Failure::new(&*error).into()
    }
}

impl Responder for Box<dyn ApiError + Send + Sync> {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse<BoxBody> {
        response(&*self)
    }
}

/// The [`Rejection`] an actix-web error stands for: its kind, read from the
/// extractor error inside (`JsonPayloadError`, `QueryPayloadError`,
/// `PathError`, `UrlencodedError`, `PayloadError`), else
/// [`RejectionKind::Other`]; the status actix-web would answer; and its text.
#[must_use]
pub fn rejection(error: &::actix_web::Error) -> Rejection {
    let kind = if let Some(error) = error.as_error::<JsonPayloadError>() {
        match error {
            JsonPayloadError::OverflowKnownLength { .. } | JsonPayloadError::Overflow { .. } => {
                RejectionKind::PayloadTooLarge
            }
            JsonPayloadError::ContentType => RejectionKind::UnsupportedMediaType,
            JsonPayloadError::Deserialize(error) if error.is_data() => {
                RejectionKind::InvalidJsonData
            }
            JsonPayloadError::Deserialize(_) => RejectionKind::InvalidJson,
            JsonPayloadError::Payload(error) => payload_kind(error, RejectionKind::InvalidJson),
            _ => RejectionKind::Other,
        }
    } else if error.as_error::<QueryPayloadError>().is_some() {
        RejectionKind::InvalidQuery
    } else if error.as_error::<PathError>().is_some() {
        RejectionKind::InvalidPath
    } else if let Some(error) = error.as_error::<UrlencodedError>() {
        match error {
            UrlencodedError::Overflow { .. } => RejectionKind::PayloadTooLarge,
            UrlencodedError::ContentType => RejectionKind::UnsupportedMediaType,
            UrlencodedError::Payload(error) => payload_kind(error, RejectionKind::InvalidForm),
            UrlencodedError::Serialize(_) => RejectionKind::Other,
            _ => RejectionKind::InvalidForm,
        }
    } else if let Some(error) = error.as_error::<PayloadError>() {
        payload_kind(error, RejectionKind::Other)
    } else {
        RejectionKind::Other
    };
    let status = http_status(error.as_response_error().status_code());
    Rejection::new(kind, status, error.to_string())
}

/// A failure reading the body: over the limit, or `otherwise`.
fn payload_kind(error: &PayloadError, otherwise: RejectionKind) -> RejectionKind {
    match error {
        PayloadError::Overflow => RejectionKind::PayloadTooLarge,
        _ => otherwise,
    }
}

/// The extractor error handler that answers with `E`'s catalog error: for
/// [`JsonConfig::error_handler`], [`QueryConfig::error_handler`],
/// [`PathConfig::error_handler`] and [`FormConfig::error_handler`].
///
/// ```
/// use actix_web::web::JsonConfig;
/// # use errcat::{ApiError, FromRejection, Rejection};
/// # #[derive(Debug, ApiError)]
/// # #[api(status = 400)]
/// # enum ServiceError { InvalidRequest }
/// # impl FromRejection for ServiceError {
/// #     fn from_rejection(_: &Rejection) -> Self { ServiceError::InvalidRequest }
/// # }
///
/// let config = JsonConfig::default()
///     .limit(4096)
///     .error_handler(errcat::actix_web::error_handler::<ServiceError, _>);
/// ```
pub fn error_handler<E, T>(error: T, _: &HttpRequest) -> ::actix_web::Error
where
    E: FromRejection,
    T: ResponseError + 'static,
{
    let rejection = rejection(&error.into());
    Failure::new(&E::from_rejection(&rejection)).into()
}

/// The default [`JsonConfig`] (2 MiB limit, `application/json` required),
/// answering its failures with `E`'s catalog errors.
#[must_use]
pub fn json_config<E: FromRejection>() -> JsonConfig {
    JsonConfig::default().error_handler(error_handler::<E, _>)
}

/// The default [`QueryConfig`], answering its failures with `E`'s catalog
/// errors.
#[must_use]
pub fn query_config<E: FromRejection>() -> QueryConfig {
    QueryConfig::default().error_handler(error_handler::<E, _>)
}

/// The default [`PathConfig`], answering its failures with `E`'s catalog
/// errors.
#[must_use]
pub fn path_config<E: FromRejection>() -> PathConfig {
    PathConfig::default().error_handler(error_handler::<E, _>)
}

/// The default [`FormConfig`] (16 KiB limit), answering its failures with
/// `E`'s catalog errors.
#[must_use]
pub fn form_config<E: FromRejection>() -> FormConfig {
    FormConfig::default().error_handler(error_handler::<E, _>)
}

/// The handler of requests no route accepts, for a default service: `E`'s
/// catalog error for [`RejectionKind::MethodNotAllowed`] when a resource
/// matches the path, else for [`RejectionKind::NotFound`].
#[allow(clippy::unused_async, reason = "actix-web handlers are async")]
pub async fn fallback<E: FromRejection>(request: HttpRequest) -> Failure {
    let rejection = if request.resource_map().has_resource(request.path()) {
        method_rejection()
    } else {
        Rejection::new(
            RejectionKind::NotFound,
            StatusCode::NOT_FOUND,
            "no route matches the path",
        )
    };
    Failure::new(&E::from_rejection(&rejection))
}

/// The handler of a wrong method on a resource, for
/// [`Resource::default_service`](actix_web::Resource::default_service): `E`'s
/// catalog error for [`RejectionKind::MethodNotAllowed`].
///
/// ```
/// use actix_web::{App, HttpResponse, web};
/// # use errcat::{ApiError, FromRejection, Rejection};
/// # #[derive(Debug, ApiError)]
/// # #[api(status = 405)]
/// # enum ServiceError { MethodNotAllowed }
/// # impl FromRejection for ServiceError {
/// #     fn from_rejection(_: &Rejection) -> Self { ServiceError::MethodNotAllowed }
/// # }
///
/// let users = web::resource("/users")
///     .route(web::get().to(HttpResponse::Ok))
///     .default_service(web::to(errcat::actix_web::method_not_allowed::<ServiceError>));
/// App::new().service(users);
/// ```
#[allow(clippy::unused_async, reason = "actix-web handlers are async")]
pub async fn method_not_allowed<E: FromRejection>() -> Failure {
    Failure::new(&E::from_rejection(&method_rejection()))
}

fn method_rejection() -> Rejection {
    Rejection::new(
        RejectionKind::MethodNotAllowed,
        StatusCode::METHOD_NOT_ALLOWED,
        "the route does not accept this method",
    )
}

/// Installs, in an [`App`](actix_web::App) or a [`ServiceConfig`], the
/// extractor configs ([`json_config`], [`query_config`], [`path_config`],
/// [`form_config`]) and the default service ([`fallback`]) that answer
/// actix-web's own failures with `E`'s catalog errors. See the [module
/// documentation](self) for what it covers.
///
/// ```
/// use actix_web::App;
/// # use errcat::{ApiError, FromRejection, Rejection};
/// # #[derive(Debug, ApiError)]
/// # #[api(status = 400)]
/// # enum ServiceError { InvalidRequest }
/// # impl FromRejection for ServiceError {
/// #     fn from_rejection(_: &Rejection) -> Self { ServiceError::InvalidRequest }
/// # }
///
/// let app = App::new()
///     .configure(errcat::actix_web::configure::<ServiceError>)
///     // A later config of the same type replaces the one installed.
///     .app_data(errcat::actix_web::json_config::<ServiceError>().limit(64 * 1024));
/// ```
pub fn configure<E: FromRejection>(config: &mut ServiceConfig) {
    config
        .app_data(json_config::<E>())
        .app_data(query_config::<E>())
        .app_data(path_config::<E>())
        .app_data(form_config::<E>())
        .default_service(web::to(fallback::<E>));
}

/// What the hook's impls name.
#[doc(hidden)]
pub mod __private {
    pub use ::actix_web::body::BoxBody;
    pub use ::actix_web::{Error, HttpRequest, HttpResponse, Responder};
}

/// Middleware that answers errors in the locale the request prefers (with
/// the `locales` feature): every error turned into a response inside it is
/// written in the best of its type's translations that the request's
/// `Accept-Language` accepts, with `Content-Language`; with none, in the
/// default language. Types with translations always add
/// `Vary: Accept-Language`.
///
/// ```
/// use actix_web::App;
///
/// let app = App::new().wrap(errcat::actix_web::Negotiate);
/// # drop(app);
/// ```
#[cfg(feature = "locales")]
#[derive(Debug, Clone, Copy, Default)]
pub struct Negotiate;

#[cfg(feature = "locales")]
mod negotiate {
    use core::future::{Future, Ready, ready};
    use core::pin::Pin;
    use core::task::{Context, Poll};

    use ::actix_web::Error;
    use ::actix_web::dev::{Service, ServiceRequest, ServiceResponse, Transform, forward_ready};

    use super::Negotiate;
    use crate::locale::Scope;

    impl<S, B> Transform<S, ServiceRequest> for Negotiate
    where
        S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
        S::Future: 'static,
    {
        type Response = ServiceResponse<B>;
        type Error = Error;
        type Transform = NegotiateService<S>;
        type InitError = ();
        type Future = Ready<Result<Self::Transform, Self::InitError>>;

        fn new_transform(&self, service: S) -> Self::Future {
            ready(Ok(NegotiateService { service }))
        }
    }

    /// The service [`Negotiate`] wraps around the app's.
    #[derive(Debug)]
    pub struct NegotiateService<S> {
        service: S,
    }

    impl<S, B> Service<ServiceRequest> for NegotiateService<S>
    where
        S: Service<ServiceRequest, Response = ServiceResponse<B>, Error = Error>,
        S::Future: 'static,
    {
        type Response = ServiceResponse<B>;
        type Error = Error;
        type Future = Pin<Box<dyn Future<Output = Result<ServiceResponse<B>, Error>>>>;

        forward_ready!(service);

        fn call(&self, request: ServiceRequest) -> Self::Future {
            let scope = Scope::of_actix_web(request.headers());
            let answer = self.service.call(request);
            Box::pin(Negotiated { answer, scope })
        }
    }

    pin_project_lite::pin_project! {
        /// The app's answer, polled with its request's `Accept-Language` in
        /// scope.
        struct Negotiated<F> {
            #[pin]
            answer: F,
            scope: Scope,
        }
    }

    impl<F: Future> Future for Negotiated<F> {
        type Output = F::Output;

        fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            let this = self.project();
            let answer = this.answer;
            this.scope.enter(|| answer.poll(cx))
        }
    }
}

#[cfg(feature = "locales")]
pub use self::negotiate::NegotiateService;

#[doc(hidden)]
#[macro_export]
macro_rules! __integrate_actix_web {
    (impl [$($generics:tt)*] [$($ty:tt)*] [$($where:tt)*]) => {
        #[automatically_derived]
        impl $($generics)* $crate::actix_web::__private::Responder for $($ty)* $($where)* {
            type Body = $crate::actix_web::__private::BoxBody;

            fn respond_to(
                self,
                _: &$crate::actix_web::__private::HttpRequest,
            ) -> $crate::actix_web::__private::HttpResponse<Self::Body> {
                $crate::actix_web::response(&self)
            }
        }

        #[automatically_derived]
        impl $($generics)* ::core::convert::From<$($ty)*> for $crate::actix_web::__private::Error $($where)* {
            fn from(error: $($ty)*) -> Self {
                ::core::convert::From::from($crate::actix_web::Failure::new(&error))
            }
        }
    };
}
