//! The users API (seed 004's error catalog, `nested` shape) served by
//! actix-web: handlers return the catalog's errors, and every failure
//! actix-web produces on its own (bad JSON, a wrong content type, a body over
//! the limit, an unknown path, a wrong method) is answered in the same
//! envelope.
//!
//! ```sh
//! cargo run --example users_api_actix --features actix-web -- 8080   # or PORT=8080
//! curl -i -X POST localhost:8080/users -H 'Authorization: Bearer demo-token' \
//!     -H 'Content-Type: application/json' -d '{"username":"ada","email":"ada@example.com"}'
//! curl -i localhost:8080/users/suggestions
//! curl -i localhost:8080/errors
//! ```
//!
//! Routes:
//!
//! - `POST /users`: creates a user from `{"username":..,"email":..}`; needs
//!   `Authorization: Bearer demo-token`.
//! - `GET /users/suggestions?username=..`: free usernames.
//! - `GET /users/{id}`: a user.
//! - `GET /errors`: the error catalog, as a markdown table.

#[path = "support/users.rs"]
mod users;

use std::io;
use std::net::TcpListener;

use actix_web::dev::Server;
use actix_web::http::header::{AUTHORIZATION, ContentType};
use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
use errcat::Catalog;
use serde::Deserialize;

pub use self::users::{NewUser, ServiceError, Store, User, UsersError};

async fn create_user(
    request: HttpRequest,
    store: web::Data<Store>,
    new: web::Json<NewUser>,
) -> Result<HttpResponse, UsersError> {
    let authorization = request.headers().get(AUTHORIZATION);
    Store::authorize(authorization.map(|value| value.as_bytes()))?;
    let user = store.create(new.into_inner())?;
    Ok(HttpResponse::Created().json(user))
}

async fn show_user(
    store: web::Data<Store>,
    id: web::Path<u64>,
) -> Result<web::Json<User>, ServiceError> {
    match store.get(id.into_inner())? {
        Some(user) => Ok(web::Json(user)),
        None => Err(ServiceError::NotFound),
    }
}

#[derive(Debug, Deserialize)]
struct SuggestionQuery {
    username: Option<String>,
}

async fn suggest_usernames(
    store: web::Data<Store>,
    query: web::Query<SuggestionQuery>,
) -> Result<web::Json<Vec<String>>, UsersError> {
    store.suggestions(query.username.as_deref()).map(web::Json)
}

async fn catalog() -> HttpResponse {
    HttpResponse::Ok()
        .content_type(ContentType(
            "text/markdown; charset=utf-8"
                .parse()
                .expect("a media type"),
        ))
        .body(ServiceError::MARKDOWN)
}

/// The application's routes and failure handling, sharing `store`.
pub fn configure(config: &mut web::ServiceConfig, store: &web::Data<Store>) {
    config
        // Extractor failures and unrouted requests, in the catalog's envelope.
        .configure(errcat::actix_web::configure::<ServiceError>)
        .app_data(store.clone())
        // A resource with method routes answers a wrong method itself.
        .service(
            web::resource("/users")
                .route(web::post().to(create_user))
                .default_service(web::to(
                    errcat::actix_web::method_not_allowed::<ServiceError>,
                )),
        )
        // Before `/users/{id}`, which would take "suggestions" as an id.
        .route("/users/suggestions", web::get().to(suggest_usernames))
        .route("/users/{id}", web::get().to(show_user))
        .route("/errors", web::get().to(catalog));
}

/// The server, listening on `listener`, with an empty store.
pub fn serve(listener: TcpListener) -> io::Result<Server> {
    let store = web::Data::new(Store::default());
    let server = HttpServer::new(move || App::new().configure(|config| configure(config, &store)))
        .workers(2)
        .listen(listener)?
        .run();
    Ok(server)
}

/// The port: the first argument, else `PORT`, else 8080.
fn port() -> Result<u16, String> {
    let given = std::env::args()
        .nth(1)
        .or_else(|| std::env::var("PORT").ok());
    match given {
        Some(port) => port.parse().map_err(|_| format!("not a port: {port:?}")),
        None => Ok(8080),
    }
}

#[actix_web::main]
async fn main() -> io::Result<()> {
    let port = port().map_err(io::Error::other)?;
    let listener = TcpListener::bind(("127.0.0.1", port))?;
    println!("listening on http://{}", listener.local_addr()?);
    serve(listener)?.await
}
