//! What the users API does, apart from any web framework: its settings, its
//! users and the rule behind each route. The axum server and its actix-web
//! twin only turn requests into these calls and the results into responses.

use std::sync::{Mutex, PoisonError};

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::catalog::{ServiceError, UsersError};

/// The server's settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The token every route but `/errors` wants: `Authorization: Bearer <token>`.
    pub token: String,
    /// The domains a new user's email may have.
    pub allowed_domains: Vec<String>,
}

impl Config {
    /// `API_TOKEN` (default `demo-token`) and `ALLOWED_DOMAINS`, separated by
    /// commas (default `example.com`), read with `variable`.
    pub fn from_env(variable: impl Fn(&str) -> Option<String>) -> Self {
        let token = variable("API_TOKEN").unwrap_or_else(|| "demo-token".to_owned());
        let domains = variable("ALLOWED_DOMAINS").unwrap_or_else(|| "example.com".to_owned());
        Config {
            token,
            allowed_domains: domains
                .split(',')
                .map(str::trim)
                .filter(|domain| !domain.is_empty())
                .map(str::to_owned)
                .collect(),
        }
    }
}

/// The port: `--port N` among `arguments`, else `variable` (`PORT`), else 3000.
///
/// # Errors
///
/// The message to print when the chosen one is not a port number.
pub fn port(
    mut arguments: impl Iterator<Item = String>,
    variable: Option<String>,
) -> Result<u16, String> {
    let mut given = variable;
    while let Some(argument) = arguments.next() {
        if argument == "--port" {
            given = Some(arguments.next().ok_or("--port needs a number")?);
        } else if let Some(number) = argument.strip_prefix("--port=") {
            given = Some(number.to_owned());
        } else {
            return Err(format!("unknown argument {argument:?}; try --port 3000"));
        }
    }
    match given {
        None => Ok(3000),
        Some(text) => text
            .parse()
            .map_err(|_| format!("not a port number: {text:?}")),
    }
}

/// What the server prints when it starts.
#[must_use]
pub fn banner(url: &str, config: &Config) -> String {
    format!(
        "listening on {url}\n\
         api token: {token} (send Authorization: Bearer {token})\n\
         routes:\n  \
         POST /users {{\"username\":..,\"email\":..}}\n  \
         GET  /users?username=..\n  \
         POST /sso {{\"token\":..}}\n  \
         GET  /errors (no token needed)\n",
        token = config.token,
    )
}

/// A user of the API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct User {
    pub id: u64,
    pub username: String,
    pub email: String,
}

/// The body of `POST /users`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewUser {
    pub username: String,
    pub email: String,
}

/// The query of `GET /users`.
#[derive(Debug, Deserialize)]
pub struct Lookup {
    pub username: Option<String>,
}

/// The body of `POST /sso`.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SsoRequest {
    pub token: String,
}

/// The session `POST /sso` opens.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ToSchema)]
pub struct Session {
    pub email: String,
}

/// The API's state: its settings and its users, in memory.
#[derive(Debug)]
pub struct Service {
    config: Config,
    users: Mutex<Vec<User>>,
}

impl Service {
    /// No users yet.
    #[must_use]
    pub fn new(config: Config) -> Self {
        Service {
            config,
            users: Mutex::new(Vec::new()),
        }
    }

    /// Checks an `Authorization` header.
    ///
    /// # Errors
    ///
    /// `UnauthorizedRequest` without one, `InvalidApiToken` with another.
    pub fn authorize(&self, authorization: Option<&[u8]>) -> Result<(), ServiceError> {
        let authorization = authorization.ok_or(UsersError::UnauthorizedRequest)?;
        match authorization.strip_prefix(b"Bearer ") {
            Some(token) if token == self.config.token.as_bytes() => Ok(()),
            _ => Err(UsersError::InvalidApiToken.into()),
        }
    }

    /// `POST /users`.
    ///
    /// # Errors
    ///
    /// The rule `new` breaks.
    pub fn create_user(&self, new: NewUser) -> Result<User, ServiceError> {
        if new.username.chars().count() > 32 || new.username.is_empty() {
            return Err(UsersError::OutOfRangeUsername.into());
        }
        if !new
            .username
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
        {
            return Err(UsersError::InvalidUsername.into());
        }
        let domain = match new.email.split_once('@') {
            Some((local, domain)) if !local.is_empty() => domain,
            _ => return Err(UsersError::InvalidInput.into()),
        };
        if !self
            .config
            .allowed_domains
            .iter()
            .any(|allowed| allowed == domain)
        {
            return Err(UsersError::InvalidEmailDomain.into());
        }
        let mut users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
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
        Ok(user)
    }

    /// `GET /users?username=..`.
    ///
    /// # Errors
    ///
    /// `MissingRequiredQueryParameter` without a username, `UserNotFound`
    /// when none has it.
    pub fn find_user(&self, lookup: Lookup) -> Result<User, ServiceError> {
        let username = lookup
            .username
            .ok_or(UsersError::MissingRequiredQueryParameter)?;
        let users = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        let user = users.iter().find(|user| user.username == username).cloned();
        user.ok_or(ServiceError::UserNotFound { username })
    }

    /// `POST /sso`: the token is a JSON object with the user's `email`.
    ///
    /// # Errors
    ///
    /// `SSOTokenFailedToParse` for a token that is not a JSON object,
    /// `InvalidSSOTokenPayload` for one without a string `email`.
    pub fn sso(&self, request: &SsoRequest) -> Result<Session, ServiceError> {
        let payload: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&request.token).map_err(|_| UsersError::SsoTokenFailedToParse)?;
        match payload.get("email").and_then(serde_json::Value::as_str) {
            Some(email) => Ok(Session {
                email: email.to_owned(),
            }),
            None => Err(UsersError::InvalidSsoTokenPayload.into()),
        }
    }
}
