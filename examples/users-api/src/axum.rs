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

use crate::service::{Lookup, NewUser, Session, SsoRequest, User};
use crate::{BODY_LIMIT, Config, MARKDOWN_TYPE, Service, ServiceError};

type Shared = State<Arc<Service>>;

/// The API's routes, with every failure axum makes on its own answered from
/// the catalog.
pub fn router(config: Config) -> Router {
    Router::new()
        .route("/users", get(find_user).post(create_user))
        .route("/sso", post(sso))
        .route("/errors", get(errors))
        .with_state(Arc::new(Service::new(config)))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CatalogLayer::<ServiceError>::new())
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

async fn create_user(
    _: Authorized,
    State(service): Shared,
    Json(new): Json<NewUser>,
) -> Result<(StatusCode, Json<User>), ServiceError> {
    Ok((StatusCode::CREATED, Json(service.create_user(new)?)))
}

async fn find_user(
    _: Authorized,
    State(service): Shared,
    Query(lookup): Query<Lookup>,
) -> Result<Json<User>, ServiceError> {
    service.find_user(lookup).map(Json)
}

async fn sso(
    _: Authorized,
    State(service): Shared,
    Json(request): Json<SsoRequest>,
) -> Result<Json<Session>, ServiceError> {
    service.sso(&request).map(Json)
}

async fn errors() -> impl IntoResponse {
    ([(CONTENT_TYPE, MARKDOWN_TYPE)], ServiceError::MARKDOWN)
}
