//! A users API served by axum: its error catalog in the `nested` format,
//! `{"error":{"status":409,"message":"...","code":"EmailAlreadyExists"}}`,
//! for the handlers' errors and for every failure axum makes on its own. The
//! catalog lives in `support/users.rs`, which the actix-web twin serves too.
//!
//! ```sh
//! cargo run --example users_api          # port 3000
//! cargo run --example users_api -- 8080  # or PORT=8080; 0 picks a free port
//! ```
//!
//! Prints the catalog as a markdown table, then each sample error's status,
//! code and message, then `listening on http://127.0.0.1:3000`, and serves
//! until stopped (Ctrl-C):
//!
//! | route | answers |
//! |---|---|
//! | `GET /users/{id}` | the user, or `UserNotFound` (404) |
//! | `GET /users?username=ada` | the users of that name; `MissingRequiredQueryParameter` (400) without one |
//! | `POST /users` `{"username":"grace","email":"grace@example.com"}` | 201 and the user, or `EmailAlreadyExists` / `UsernameAlreadyExists` (409), `InvalidUsername`, `OutOfRangeUsername`, `InvalidEmailDomain` (400) |
//!
//! Anything else is an error of the catalog too: a body that is not JSON or
//! misses a field (`InvalidInput`), no JSON content type
//! (`UnsupportedMediaType`), an unknown path (`RouteNotFound`), another
//! method (`MethodNotAllowed`), a body over 16 KiB (`PayloadTooLarge`).
//!
//! ```sh
//! curl -i -X POST localhost:3000/users -H 'content-type: application/json' \
//!      -d '{"username":"ada2","email":"ada@example.com"}'
//! ```

#[path = "support/users.rs"]
mod users;

use std::fmt::Write as _;
use std::net::Ipv4Addr;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::StatusCode;
use axum::routing::get;
use errcat::axum::{CatalogLayer, Json, Path, Query};
use errcat::{ApiError, Catalog};
use serde::{Deserialize, Serialize};

pub use self::users::{ServiceError, UsersError};

/// What `main` prints: the catalog table, a blank line, then one line per
/// sample error.
pub fn output() -> String {
    let mut out = format!("{}\n", UsersError::MARKDOWN);
    for error in [
        UsersError::EmailAlreadyExists,
        UsersError::GroupNotFound,
        UsersError::Internal,
    ] {
        writeln!(
            out,
            "{} {} {}",
            error.status().as_u16(),
            error.code(),
            error.message()
        )
        .unwrap();
    }
    out
}

// ---------------------------------------------------------------------------
// The server.

/// The largest request body the server reads.
pub const BODY_LIMIT: usize = 16 * 1024;

/// A user of the API.
#[derive(Debug, Clone, Serialize)]
pub struct User {
    id: u64,
    username: String,
    email: String,
}

/// The body of `POST /users`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    username: String,
    email: String,
}

/// The query of `GET /users`.
#[derive(Debug, Deserialize)]
pub struct Lookup {
    username: String,
}

/// The users, in memory.
type Users = Arc<Mutex<Vec<User>>>;

/// The API, with one user: 1, `ada`, `ada@example.com`.
pub fn router() -> Router {
    let users: Users = Arc::new(Mutex::new(vec![User {
        id: 1,
        username: "ada".to_owned(),
        email: "ada@example.com".to_owned(),
    }]));
    Router::new()
        .route("/users", get(find_users).post(create_user))
        .route("/users/{id}", get(show_user))
        .with_state(users)
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(CatalogLayer::<ServiceError>::new())
}

async fn show_user(
    State(users): State<Users>,
    Path(id): Path<u64>,
) -> Result<Json<User>, ServiceError> {
    let users = users.lock().unwrap_or_else(PoisonError::into_inner);
    let user = users.iter().find(|user| user.id == id);
    user.cloned()
        .map(Json)
        .ok_or(ServiceError::UserNotFound { id })
}

async fn find_users(State(users): State<Users>, Query(lookup): Query<Lookup>) -> Json<Vec<User>> {
    let users = users.lock().unwrap_or_else(PoisonError::into_inner);
    let found = users.iter().filter(|user| user.username == lookup.username);
    Json(found.cloned().collect())
}

async fn create_user(
    State(users): State<Users>,
    Json(new): Json<NewUser>,
) -> Result<(StatusCode, Json<User>), ServiceError> {
    if !new
        .username
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric())
    {
        return Err(UsersError::InvalidUsername.into());
    }
    if !(3..=32).contains(&new.username.len()) {
        return Err(UsersError::OutOfRangeUsername.into());
    }
    if new
        .email
        .split_once('@')
        .is_none_or(|(_, domain)| domain != "example.com")
    {
        return Err(UsersError::InvalidEmailDomain.into());
    }
    let mut users = users.lock().unwrap_or_else(PoisonError::into_inner);
    if users.iter().any(|user| user.email == new.email) {
        return Err(UsersError::EmailAlreadyExists.into());
    }
    if users.iter().any(|user| user.username == new.username) {
        return Err(UsersError::UsernameAlreadyExists.into());
    }
    let user = User {
        id: users.last().map_or(1, |last| last.id + 1),
        username: new.username,
        email: new.email,
    };
    users.push(user.clone());
    Ok((StatusCode::CREATED, Json(user)))
}

/// The port to listen on: the first argument, else `PORT`, else 3000.
///
/// # Errors
///
/// The message to print when the chosen one is not a port number.
pub fn port(argument: Option<String>, variable: Option<String>) -> Result<u16, String> {
    match argument.or(variable) {
        None => Ok(3000),
        Some(text) => text
            .parse()
            .map_err(|_| format!("not a port number: {text:?}")),
    }
}

#[tokio::main]
async fn main() {
    print!("{}", output());
    let port =
        port(std::env::args().nth(1), std::env::var("PORT").ok()).unwrap_or_else(|message| {
            eprintln!("users_api: {message}");
            std::process::exit(2);
        });
    let listener = match tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("users_api: cannot listen on 127.0.0.1:{port}: {error}");
            std::process::exit(1);
        }
    };
    println!("\nlistening on http://{}", listener.local_addr().unwrap());
    axum::serve(listener, router()).await.unwrap();
}
