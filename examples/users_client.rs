//! A client of the users API (`examples/users-api`) that turns every error
//! response into a value it matches on: a code of the users catalog becomes
//! its `UsersError` variant (`UsersError::from_code`), a code this client
//! does not know falls back to `ApiFailure::Unknown`, and a body that is no
//! errcat error to `ApiFailure::Undecodable`; never a panic.
//!
//! ```sh
//! cargo run -p users-api &                       # the server, 127.0.0.1:3000
//! cargo run --example users_client -- http://127.0.0.1:3000
//! cargo run --example users_client               # starts a server of its own
//! ```

use errcat::ApiError as _;
use errcat::client::{DecodeError, decode};
use users_api::UsersError;

/// What the client makes of an answer that is not a success.
#[derive(Debug)]
pub enum ApiFailure {
    /// An error of the users catalog, typed.
    Users(UsersError),
    /// No user has the name asked for.
    UserNotFound { message: String },
    /// An errcat error whose code this client does not know: a newer server,
    /// or an error of the framework around the API.
    Unknown {
        status: u16,
        code: Option<String>,
        message: String,
    },
    /// A body that is no errcat error.
    Undecodable { status: u16, error: DecodeError },
}

/// Reads an error response back into an [`ApiFailure`].
async fn failure(response: reqwest::Response) -> Result<ApiFailure, reqwest::Error> {
    let status = response.status();
    let headers = response.headers().clone();
    let body = response.bytes().await?;
    let decoded = match decode(status, &headers, &body) {
        Ok(decoded) => decoded,
        Err(error) => {
            return Ok(ApiFailure::Undecodable {
                status: status.as_u16(),
                error,
            });
        }
    };
    Ok(match decoded.code() {
        Some("UserNotFound") => ApiFailure::UserNotFound {
            message: decoded.message().to_owned(),
        },
        code => match code.and_then(UsersError::from_code) {
            Some(error) => ApiFailure::Users(error),
            None => ApiFailure::Unknown {
                status: status.as_u16(),
                code: code.map(str::to_owned),
                message: decoded.message().to_owned(),
            },
        },
    })
}

/// What the client tells its user for each failure: a `match` on the value.
fn advice(failure: &ApiFailure) -> String {
    match failure {
        ApiFailure::Users(UsersError::EmailAlreadyExists) => {
            "that email has an account already: sign in instead".to_owned()
        }
        ApiFailure::Users(UsersError::UsernameAlreadyExists) => {
            "that username is taken: pick another".to_owned()
        }
        ApiFailure::Users(UsersError::UnauthorizedRequest | UsersError::InvalidApiToken) => {
            "check the API token".to_owned()
        }
        ApiFailure::Users(other) => format!("rejected: {}", other.message()),
        ApiFailure::UserNotFound { message } => format!("not found: {message}"),
        ApiFailure::Unknown {
            status,
            code,
            message,
        } => format!(
            "unknown error {status} {}: {message}",
            code.as_deref().unwrap_or("(no code)")
        ),
        ApiFailure::Undecodable { status, error } => format!("{status}, not an API error: {error}"),
    }
}

/// Sends the requests against the server at `base`; one line per answer.
///
/// # Errors
///
/// When a request cannot be sent.
pub async fn run(base: &str) -> Result<String, reqwest::Error> {
    let client = reqwest::Client::builder().no_proxy().build()?;
    let token = "Bearer demo-token";
    // Method, path, token and JSON body (none for a GET).
    let requests = [
        (
            "POST",
            "/users",
            token,
            r#"{"username":"ada","email":"ada@example.com"}"#,
        ),
        (
            "POST",
            "/users",
            token,
            r#"{"username":"ada2","email":"ada@example.com"}"#,
        ),
        (
            "POST",
            "/users",
            token,
            r#"{"username":"ada","email":"ada2@example.com"}"#,
        ),
        (
            "POST",
            "/users",
            "Bearer nope",
            r#"{"username":"bob","email":"bob@example.com"}"#,
        ),
        (
            "POST",
            "/users",
            token,
            r#"{"username":"bob","email":"bob@example.org"}"#,
        ),
        ("GET", "/users?username=grace", token, ""),
        ("GET", "/nowhere", token, ""),
    ];
    let mut out = String::new();
    for (method, path, token, body) in requests {
        let mut request = match method {
            "POST" => client.post(format!("{base}{path}")),
            _ => client.get(format!("{base}{path}")),
        };
        request = request.header("authorization", token);
        if !body.is_empty() {
            request = request
                .header("content-type", "application/json")
                .body(body);
        }
        let response = request.send().await?;
        let line = if response.status().is_success() {
            format!("{}", response.status().as_u16())
        } else {
            let failure = failure(response).await?;
            format!("{failure:?} -> {}", advice(&failure))
        };
        out.push_str(&format!("{method} {path}: {line}\n"));
    }
    Ok(out)
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let base = match std::env::args().nth(1) {
        Some(base) => base,
        None => {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("a free port on 127.0.0.1");
            let base = format!("http://{}", listener.local_addr().expect("its address"));
            let config = users_api::Config::from_env(|_| None);
            tokio::spawn(async move {
                let _ = axum::serve(listener, users_api::axum::router(config)).await;
            });
            base
        }
    };
    match run(&base).await {
        Ok(out) => {
            print!("{out}");
            std::process::ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("users_client: {error}");
            std::process::ExitCode::FAILURE
        }
    }
}
