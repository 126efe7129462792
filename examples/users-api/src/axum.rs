//! The users API served by axum.

use std::sync::Arc;

use ::axum::Router;
use ::axum::extract::{DefaultBodyLimit, FromRequestParts, State};
use ::axum::http::StatusCode;
use ::axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use ::axum::http::request::Parts;
use ::axum::response::IntoResponse;
use ::axum::routing::{get, post};
use errcat::Catalog;
use errcat::axum::{CatalogLayer, Json, Query};

use utoipa::OpenApi;
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme};

use crate::service::{Lookup, NewUser, Session, SsoRequest, User};
use crate::{
    BODY_LIMIT, Config, CreateUserErrors, FindUserErrors, MARKDOWN_TYPE, Service, ServiceError,
    SsoErrors,
};

type Shared = State<Arc<Service>>;

/// The API's routes, with every failure axum makes on its own answered from
/// the catalog.
pub fn router(config: Config) -> Router {
    Router::new()
        .route("/users", get(find_user).post(create_user))
        .route("/sso", post(sso))
        .route("/errors", get(errors))
        .route("/openapi.json", get(openapi))
        .with_state(Arc::new(Service::new(config)))
        // One layer of both: axum wraps every route once per `layer` call.
        .layer((
            CatalogLayer::<ServiceError>::new(),
            DefaultBodyLimit::max(BODY_LIMIT),
        ))
}

/// A request with the API's token. Listed before the body, so a request
/// without one is refused before its body is read.
struct Authorized;

impl FromRequestParts<Arc<Service>> for Authorized {
    type Rejection = ServiceError;

    async fn from_request_parts(
        parts: &mut Parts,
        service: &Arc<Service>,
    ) -> Result<Self, ServiceError> {
        let authorization = parts.headers.get(AUTHORIZATION);
        service.authorize(authorization.map(::axum::http::HeaderValue::as_bytes))?;
        Ok(Authorized)
    }
}

#[utoipa::path(
    post,
    path = "/users",
    request_body = NewUser,
    responses((status = 201, description = "The new user", body = User), CreateUserErrors),
    security(("token" = [])),
)]
async fn create_user(
    _: Authorized,
    State(service): Shared,
    Json(new): Json<NewUser>,
) -> Result<(StatusCode, Json<User>), ServiceError> {
    Ok((StatusCode::CREATED, Json(service.create_user(new)?)))
}

#[utoipa::path(
    get,
    path = "/users",
    params(("username" = Option<String>, Query, description = "The user's name")),
    responses((status = 200, description = "The user", body = User), FindUserErrors),
    security(("token" = [])),
)]
async fn find_user(
    _: Authorized,
    State(service): Shared,
    Query(lookup): Query<Lookup>,
) -> Result<Json<User>, ServiceError> {
    service.find_user(lookup).map(Json)
}

#[utoipa::path(
    post,
    path = "/sso",
    request_body = SsoRequest,
    responses((status = 200, description = "The session", body = Session), SsoErrors),
    security(("token" = [])),
)]
async fn sso(
    _: Authorized,
    State(service): Shared,
    Json(request): Json<SsoRequest>,
) -> Result<Json<Session>, ServiceError> {
    service.sso(&request).map(Json)
}

#[utoipa::path(
    get,
    path = "/errors",
    responses((status = 200, description = "The catalog, as a markdown table", body = String, content_type = "text/markdown; charset=utf-8")),
)]
async fn errors() -> impl IntoResponse {
    ([(CONTENT_TYPE, MARKDOWN_TYPE)], ServiceError::MARKDOWN)
}

/// The API's OpenAPI 3.1 document: each route's own errors, from the
/// catalog.
#[derive(OpenApi)]
#[openapi(
    info(title = "Users API", description = "A users API whose errors all come from one errcat catalog."),
    paths(create_user, find_user, sso, errors),
    modifiers(&BearerToken),
)]
pub struct ApiDoc;

/// The `token` security scheme: `Authorization: Bearer <token>`.
struct BearerToken;

impl utoipa::Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(Http::new(HttpAuthScheme::Bearer)),
        );
    }
}

/// The document, pretty printed, as `GET /openapi.json` serves it and
/// `docs/openapi.json` holds it.
#[must_use]
pub fn openapi_json() -> String {
    let mut json = ApiDoc::openapi()
        .to_pretty_json()
        .unwrap_or_else(|error| format!("{{\"error\":\"{error}\"}}"));
    json.push('\n');
    json
}

async fn openapi() -> impl IntoResponse {
    ([(CONTENT_TYPE, "application/json")], openapi_json())
}
