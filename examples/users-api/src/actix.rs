//! The users API served by actix-web: the same rules and catalog as the
//! axum server.

use std::io;
use std::net::TcpListener;

use ::actix_web::dev::Server;
use ::actix_web::http::header::AUTHORIZATION;
use std::future::{Ready, ready};

use ::actix_web::dev::Payload;
use ::actix_web::{App, FromRequest, HttpRequest, HttpResponse, HttpServer, web};
use errcat::Catalog;

use crate::service::{Lookup, NewUser, Session, SsoRequest, User};
use crate::{BODY_LIMIT, Config, MARKDOWN_TYPE, Service, ServiceError};

/// A request with the API's token. Listed first, so a request without one
/// is refused before its body is read.
struct Authorized;

impl FromRequest for Authorized {
    type Error = ::actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        let authorization = request.headers().get(AUTHORIZATION);
        let authorized = match request.app_data::<web::Data<Service>>() {
            Some(service) => service
                .authorize(authorization.map(::actix_web::http::header::HeaderValue::as_bytes)),
            None => Err(crate::UsersError::Internal.into()),
        };
        ready(authorized.map(|()| Authorized).map_err(Into::into))
    }
}

async fn create_user(
    _: Authorized,
    service: web::Data<Service>,
    new: web::Json<NewUser>,
) -> Result<HttpResponse, ServiceError> {
    let user: User = service.create_user(new.into_inner())?;
    Ok(HttpResponse::Created().json(user))
}

async fn find_user(
    _: Authorized,
    service: web::Data<Service>,
    lookup: web::Query<Lookup>,
) -> Result<web::Json<User>, ServiceError> {
    service.find_user(lookup.into_inner()).map(web::Json)
}

async fn sso(
    _: Authorized,
    service: web::Data<Service>,
    body: web::Json<SsoRequest>,
) -> Result<web::Json<Session>, ServiceError> {
    service.sso(&body).map(web::Json)
}

async fn errors() -> HttpResponse {
    HttpResponse::Ok()
        .insert_header(("content-type", MARKDOWN_TYPE))
        .body(ServiceError::MARKDOWN)
}

/// The API's routes, sharing `service`, with every failure actix-web makes
/// on its own answered from the catalog.
pub fn configure(config: &mut web::ServiceConfig, service: &web::Data<Service>) {
    config
        .configure(errcat::actix_web::configure::<ServiceError>)
        // The axum server's limit; a later config replaces the one installed.
        .app_data(errcat::actix_web::json_config::<ServiceError>().limit(BODY_LIMIT))
        .app_data(service.clone())
        .service(
            web::resource("/users")
                .route(web::post().to(create_user))
                .route(web::get().to(find_user))
                .default_service(web::to(
                    errcat::actix_web::method_not_allowed::<ServiceError>,
                )),
        )
        .service(
            web::resource("/sso")
                .route(web::post().to(sso))
                .default_service(web::to(
                    errcat::actix_web::method_not_allowed::<ServiceError>,
                )),
        )
        .route("/errors", web::get().to(errors));
}

/// The server, listening on `listener`, with no users yet.
///
/// # Errors
///
/// When the listener cannot be used.
pub fn serve(listener: TcpListener, config: Config) -> io::Result<Server> {
    let service = web::Data::new(Service::new(config));
    let server = HttpServer::new(move || {
        App::new()
            // Errors answer in the language `Accept-Language` prefers.
            .wrap(errcat::actix_web::Negotiate)
            .configure(|app| configure(app, &service))
    })
    .workers(2)
    .listen(listener)?
    .run();
    Ok(server)
}
