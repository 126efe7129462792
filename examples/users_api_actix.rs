//! The users API (its error catalog in the `nested` format) served by
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
use std::collections::BTreeMap;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

pub use self::users::{ServiceError, UsersError};

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
    let id = id.into_inner();
    match store.get(id)? {
        Some(user) => Ok(web::Json(user)),
        None => Err(ServiceError::UserNotFound { id }),
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

/// The api tokens the store knows: the first is active, the second belongs
/// to a group whose api usage is disabled.
pub const TOKENS: [&str; 2] = ["demo-token", "disabled-token"];

/// The email domains of the api token's group.
pub const ALLOWED_DOMAINS: [&str; 1] = ["example.com"];

/// The body of `POST /users`.
#[derive(Debug, Deserialize)]
pub struct NewUser {
    pub username: String,
    pub email: String,
}

/// A user, as the API shows it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct User {
    pub id: u64,
    pub username: String,
    pub email: String,
}

/// The users, in memory.
#[derive(Debug, Default)]
pub struct Store {
    users: Mutex<BTreeMap<u64, User>>,
}

impl Store {
    /// Checks the `Authorization` header: `Bearer` and a known, enabled token.
    pub fn authorize(authorization: Option<&[u8]>) -> Result<(), UsersError> {
        let Some(authorization) = authorization else {
            return Err(UsersError::UnauthorizedRequest);
        };
        match authorization.strip_prefix(b"Bearer ") {
            Some(token) if token == TOKENS[0].as_bytes() => Ok(()),
            Some(token) if token == TOKENS[1].as_bytes() => Err(UsersError::ApiIsDisabled),
            _ => Err(UsersError::InvalidApiToken),
        }
    }

    /// Creates a user, or says which rule `new` breaks.
    pub fn create(&self, new: NewUser) -> Result<User, UsersError> {
        check_username(&new.username, UsersError::OutOfRangeUsername)?;
        let Some((local, domain)) = new.email.split_once('@') else {
            return Err(UsersError::InvalidInput);
        };
        if local.is_empty() {
            return Err(UsersError::InvalidInput);
        }
        if !ALLOWED_DOMAINS.contains(&domain) {
            return Err(UsersError::InvalidEmailDomain);
        }
        let mut users = self
            .users
            .lock()
            .map_err(|_| UsersError::FailedToCreateUser)?;
        if users.values().any(|user| user.username == new.username) {
            return Err(UsersError::UsernameAlreadyExists);
        }
        if users.values().any(|user| user.email == new.email) {
            return Err(UsersError::EmailAlreadyExists);
        }
        let id = users.keys().next_back().map_or(1, |last| last + 1);
        let user = User {
            id,
            username: new.username,
            email: new.email,
        };
        users.insert(id, user.clone());
        Ok(user)
    }

    /// The user `id`, if there is one.
    pub fn get(&self, id: u64) -> Result<Option<User>, UsersError> {
        let users = self.users.lock().map_err(|_| UsersError::Internal)?;
        Ok(users.get(&id).cloned())
    }

    /// Free usernames built from `username`.
    pub fn suggestions(&self, username: Option<&str>) -> Result<Vec<String>, UsersError> {
        let username = username.ok_or(UsersError::MissingRequiredQueryParameter)?;
        check_username(username, UsersError::OutOfRangeSuggestedUsername)?;
        let users = self.users.lock().map_err(|_| UsersError::Internal)?;
        let taken = |name: &str| users.values().any(|user| user.username == name);
        Ok(["", "1", "_", ".dev"]
            .into_iter()
            .map(|suffix| format!("{username}{suffix}"))
            .filter(|name| name.len() <= 32 && !taken(name))
            .take(3)
            .collect())
    }
}

/// 3 to 32 ASCII letters, digits, `_` or `.`.
fn check_username(username: &str, out_of_range: UsersError) -> Result<(), UsersError> {
    if !(3..=32).contains(&username.len()) {
        return Err(out_of_range);
    }
    if !username
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'_' || byte == b'.')
    {
        return Err(UsersError::InvalidUsername);
    }
    Ok(())
}
