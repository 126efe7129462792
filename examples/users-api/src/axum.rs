//! The users API served by axum.

use std::sync::Arc;

use ::axum::Router;
use ::axum::extract::{DefaultBodyLimit, State};
use ::axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use ::axum::http::{HeaderMap, StatusCode};
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

fn authorize(service: &Service, headers: &HeaderMap) -> Result<(), ServiceError> {
    service.authorize(
        headers
            .get(AUTHORIZATION)
            .map(::axum::http::HeaderValue::as_bytes),
    )
}

async fn create_user(
    State(service): Shared,
    headers: HeaderMap,
    Json(new): Json<NewUser>,
) -> Result<(StatusCode, Json<User>), ServiceError> {
    authorize(&service, &headers)?;
    Ok((StatusCode::CREATED, Json(service.create_user(new)?)))
}

async fn find_user(
    State(service): Shared,
    headers: HeaderMap,
    Query(lookup): Query<Lookup>,
) -> Result<Json<User>, ServiceError> {
    authorize(&service, &headers)?;
    service.find_user(lookup).map(Json)
}

async fn sso(
    State(service): Shared,
    headers: HeaderMap,
    Json(request): Json<SsoRequest>,
) -> Result<Json<Session>, ServiceError> {
    authorize(&service, &headers)?;
    service.sso(&request).map(Json)
}

async fn errors() -> impl IntoResponse {
    ([(CONTENT_TYPE, MARKDOWN_TYPE)], ServiceError::MARKDOWN)
}
