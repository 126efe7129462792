//! Requests per second of the users API's error route, `GET /users` for a
//! user nobody has (404 `UserNotFound`), against a hand-written axum server
//! whose `impl IntoResponse` sends the same bytes, behind the same body
//! limit.
//!
//! `throughput <rounds> <requests> <seconds>`: both servers listen on
//! 127.0.0.1 on ephemeral ports in this process; after checking that both
//! answer the same status, headers and body, each round loads one then the
//! other (the order alternating round by round) in three batches of a third
//! of `requests` requests each, over keep-alive connections, a batch
//! stopping at `seconds` whatever is left, and takes the ratio of the
//! fastest batch of errcat's to the fastest of the hand-written server's. Prints
//! `<median> <min> <max>` of those ratios, then each server's median rate.
//!
//! `throughput same <rounds> <requests> <seconds>`: the same rounds with the
//! hand-written server against a second one of itself, spawned after it as
//! the hand-written server is after errcat's: the ratio an exact tie gives,
//! which shows how far the harness itself can be trusted.
//!
//! `throughput one <errcat|hand> <requests>`: the same check, then one
//! server's load alone and nothing printed; `bench/run` counts its
//! instructions at two request counts, whose difference is the cost of the
//! requests themselves (server and client), start-up cancelled.
//!
//! Without arguments, as `cargo bench` runs it, it does nothing.

use std::net::{Ipv4Addr, SocketAddr};
use std::process::ExitCode;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::{DefaultBodyLimit, FromRequestParts, Query, State};
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE, VARY};
use axum::http::request::Parts;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use serde::{Deserialize, Serialize};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

const REQUEST: &[u8] = b"GET /users?username=nobody HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer demo-token\r\n\r\n";

/// Batches of each server in a round, alternating: the fastest counts, so
/// that a moment the machine was busy elsewhere does not.
const BATCHES: usize = 3;

/// The time limit of `one`, long enough for a run under callgrind.
const ONE_LIMIT: Duration = Duration::from_secs(600);

/// Connections the load client keeps open, each sending its requests one
/// after the other.
const CONNECTIONS: usize = 4;

/// What to run, from the arguments.
enum Run {
    /// Rounds alternating the servers: `<rounds> <requests> <seconds>`, or
    /// with `same` first, the hand-written server against itself.
    Rounds {
        rounds: usize,
        requests: usize,
        limit: Duration,
        same: bool,
    },
    /// One server's load alone, for an instruction count of its requests:
    /// `one <errcat|hand> <requests>`.
    One { errcat: bool, requests: usize },
}

impl Run {
    fn parse(arguments: &[String]) -> Option<Run> {
        match arguments {
            [one, server, requests] if one == "one" => Some(Run::One {
                errcat: match server.as_str() {
                    "errcat" => true,
                    "hand" => false,
                    _ => return None,
                },
                requests: requests.parse().ok()?,
            }),
            [same, rounds, requests, seconds] if same == "same" => {
                Run::rounds(rounds, requests, seconds, true)
            }
            [rounds, requests, seconds] => Run::rounds(rounds, requests, seconds, false),
            _ => None,
        }
    }

    fn rounds(rounds: &str, requests: &str, seconds: &str, same: bool) -> Option<Run> {
        Some(Run::Rounds {
            rounds: rounds.parse().ok()?,
            requests: requests.parse().ok()?,
            limit: Duration::from_secs(seconds.parse().ok()?),
            same,
        })
    }
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    // `cargo bench` runs every bench target with `--bench`.
    if arguments.iter().all(|argument| argument == "--bench") {
        return ExitCode::SUCCESS;
    }
    let Some(run) = Run::parse(&arguments) else {
        eprintln!(
            "usage: throughput [same] <rounds> <requests> <seconds> | throughput one <errcat|hand> <requests>"
        );
        return ExitCode::from(2);
    };
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime");
    runtime.block_on(async {
        let errcat = serve(users_api::axum::router(users_api::Config::from_env(|_| {
            None
        })))
        .await;
        let hand = serve(hand_written()).await;
        let (ours, theirs) = (answer(errcat).await, answer(hand).await);
        if ours != theirs {
            eprintln!("the servers answer differently:\nerrcat:\n{ours}\nhand-written:\n{theirs}");
            return ExitCode::FAILURE;
        }
        let result = match run {
            Run::One {
                errcat: ours,
                requests,
            } => {
                let address = if ours { errcat } else { hand };
                load(address, requests, ONE_LIMIT).await.map(drop)
            }
            Run::Rounds {
                rounds,
                requests,
                limit,
                same,
            } => {
                let (first, second) = if same {
                    (hand, serve(hand_written()).await)
                } else {
                    (errcat, hand)
                };
                rounds_of(first, second, rounds, requests, limit).await
            }
        };
        match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("load: {error}");
                ExitCode::FAILURE
            }
        }
    })
}

/// Loads both servers round by round and prints the median ratio of the
/// first one's rate to the second's, its spread and each one's median rate.
async fn rounds_of(
    first: SocketAddr,
    second: SocketAddr,
    rounds: usize,
    requests: usize,
    limit: Duration,
) -> std::io::Result<()> {
    let (mut ratios, mut rates) = (Vec::new(), [Vec::new(), Vec::new()]);
    let batch = requests.div_ceil(BATCHES);
    for round in 0..rounds.max(1) {
        let mut rate = [0.0f64; 2];
        let order = if round % 2 == 0 { [0, 1] } else { [1, 0] };
        for _ in 0..BATCHES {
            for server in order {
                let batch_rate = load([first, second][server], batch, limit).await?;
                rate[server] = rate[server].max(batch_rate);
            }
        }
        ratios.push(rate[0] / rate[1]);
        rates[0].push(rate[0]);
        rates[1].push(rate[1]);
    }
    let [first, second] = rates.map(|mut rates| median(&mut rates));
    let median = median(&mut ratios);
    println!(
        "{median:.3} {:.3} {:.3} {first:.0} {second:.0}",
        ratios[0],
        ratios[ratios.len() - 1]
    );
    Ok(())
}

/// Sorts `values` and gives their median.
fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    let middle = values.len() / 2;
    if values.len() % 2 == 0 {
        f64::midpoint(values[middle - 1], values[middle])
    } else {
        values[middle]
    }
}

async fn serve(router: Router) -> SocketAddr {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .await
        .expect("a free port on 127.0.0.1");
    let address = listener.local_addr().expect("a bound address");
    tokio::spawn(async move { axum::serve(listener, router).await });
    address
}

/// One response, as text without its `date` header.
async fn answer(address: SocketAddr) -> String {
    let mut stream = TcpStream::connect(address)
        .await
        .expect("the server accepts");
    stream
        .write_all(REQUEST)
        .await
        .expect("the request is sent");
    let mut reader = Reader::default();
    let (head, body) = reader.response(&mut stream).await.expect("a response");
    let head: Vec<&str> = head
        .lines()
        .filter(|line| !line.to_ascii_lowercase().starts_with("date:"))
        .collect();
    format!("{}\n\n{}", head.join("\n"), String::from_utf8_lossy(&body))
}

/// Sends `requests` requests over [`CONNECTIONS`] connections; the
/// requests answered per second. Stops at `limit`.
async fn load(address: SocketAddr, requests: usize, limit: Duration) -> std::io::Result<f64> {
    let start = Instant::now();
    let deadline = tokio::time::Instant::now() + limit;
    let mut clients = Vec::new();
    for client in 0..CONNECTIONS {
        let share = requests / CONNECTIONS + usize::from(client < requests % CONNECTIONS);
        clients.push(tokio::spawn(async move {
            let mut stream = TcpStream::connect(address).await?;
            stream.set_nodelay(true)?;
            let mut reader = Reader::default();
            let mut answered = 0;
            while answered < share && tokio::time::Instant::now() < deadline {
                stream.write_all(REQUEST).await?;
                tokio::time::timeout_at(deadline, reader.response(&mut stream))
                    .await
                    .map_err(|_| std::io::Error::other("no answer in time"))??;
                answered += 1;
            }
            Ok::<usize, std::io::Error>(answered)
        }));
    }
    let mut answered = 0;
    for client in clients {
        answered += client.await.map_err(std::io::Error::other)??;
    }
    Ok(answered as f64 / start.elapsed().as_secs_f64())
}

/// Reads HTTP/1.1 responses with a `Content-Length` off one connection.
#[derive(Default)]
struct Reader {
    pending: Vec<u8>,
}

impl Reader {
    async fn response(&mut self, stream: &mut TcpStream) -> std::io::Result<(String, Vec<u8>)> {
        let invalid = |what| std::io::Error::new(std::io::ErrorKind::InvalidData, what);
        let head_end = loop {
            if let Some(at) = self.pending.windows(4).position(|w| w == b"\r\n\r\n") {
                break at;
            }
            self.fill(stream).await?;
        };
        let head = String::from_utf8(self.pending[..head_end].to_vec())
            .map_err(|_| invalid("a head that is not UTF-8"))?;
        let length = head
            .lines()
            .find_map(|line| {
                let (name, value) = line.split_once(':')?;
                name.eq_ignore_ascii_case("content-length")
                    .then(|| value.trim().parse::<usize>().ok())?
            })
            .ok_or_else(|| invalid("a response without Content-Length"))?;
        let end = head_end + 4 + length;
        while self.pending.len() < end {
            self.fill(stream).await?;
        }
        let body = self.pending[head_end + 4..end].to_vec();
        self.pending.drain(..end);
        Ok((head, body))
    }

    async fn fill(&mut self, stream: &mut TcpStream) -> std::io::Result<()> {
        let mut chunk = [0; 4096];
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        self.pending.extend_from_slice(&chunk[..read]);
        Ok(())
    }
}

/// The same route written by hand: the token checked, the query read, the
/// user looked up, and the error's `impl IntoResponse` with a serde body;
/// among the users API's other routes, so that its router has the same
/// shape.
fn hand_written() -> Router {
    #[derive(Deserialize)]
    struct Lookup {
        username: Option<String>,
    }

    #[derive(Clone, Serialize)]
    struct User {
        id: u64,
        username: String,
        email: String,
    }

    struct Users {
        token: String,
        users: Mutex<Vec<User>>,
    }

    enum UsersError {
        Unauthorized,
        MissingUsername,
        UserNotFound { username: String },
    }

    #[derive(Serialize)]
    struct Body<'a> {
        error: Inner<'a>,
    }

    #[derive(Serialize)]
    struct Inner<'a> {
        status: u16,
        message: &'a str,
        code: &'a str,
    }

    impl IntoResponse for UsersError {
        fn into_response(self) -> Response {
            let (status, code, message) = match self {
                UsersError::Unauthorized => (
                    StatusCode::UNAUTHORIZED,
                    "UnauthorizedRequest",
                    "The request is unauthorized, an api token is required.".to_owned(),
                ),
                UsersError::MissingUsername => (
                    StatusCode::BAD_REQUEST,
                    "MissingRequiredQueryParameter",
                    "A required query parameter was not specified for this request.".to_owned(),
                ),
                UsersError::UserNotFound { username } => (
                    StatusCode::NOT_FOUND,
                    "UserNotFound",
                    format!("There is no user named {username}."),
                ),
            };
            let body = serde_json::to_vec(&Body {
                error: Inner {
                    status: status.as_u16(),
                    message: &message,
                    code,
                },
            })
            .unwrap_or_default();
            // The users API answers in the language a request prefers, so
            // its responses vary by it.
            let headers = [
                (CONTENT_TYPE, HeaderValue::from_static("application/json")),
                (VARY, HeaderValue::from_static("accept-language")),
            ];
            (status, headers, body).into_response()
        }
    }

    /// A request with the API's token, checked before the query is read.
    struct Authorized;

    impl FromRequestParts<Arc<Users>> for Authorized {
        type Rejection = UsersError;

        async fn from_request_parts(
            parts: &mut Parts,
            users: &Arc<Users>,
        ) -> Result<Self, UsersError> {
            let token = parts
                .headers
                .get(AUTHORIZATION)
                .ok_or(UsersError::Unauthorized)?
                .as_bytes();
            if token.strip_prefix(b"Bearer ") == Some(users.token.as_bytes()) {
                Ok(Authorized)
            } else {
                Err(UsersError::Unauthorized)
            }
        }
    }

    async fn find_user(
        _: Authorized,
        State(users): State<Arc<Users>>,
        Query(lookup): Query<Lookup>,
    ) -> Result<axum::Json<User>, UsersError> {
        let username = lookup.username.ok_or(UsersError::MissingUsername)?;
        let list = users.users.lock().unwrap_or_else(PoisonError::into_inner);
        let user = list.iter().find(|user| user.username == username).cloned();
        user.map(axum::Json)
            .ok_or(UsersError::UserNotFound { username })
    }

    // The users API's other routes, never requested here.
    #[derive(Deserialize)]
    struct NewUser {
        username: String,
        email: String,
    }

    async fn create_user(
        _: Authorized,
        State(users): State<Arc<Users>>,
        axum::Json(new): axum::Json<NewUser>,
    ) -> (StatusCode, axum::Json<User>) {
        let mut list = users.users.lock().unwrap_or_else(PoisonError::into_inner);
        let user = User {
            id: 1,
            username: new.username,
            email: new.email,
        };
        list.push(user.clone());
        (StatusCode::CREATED, axum::Json(user))
    }

    #[derive(Deserialize)]
    struct SsoRequest {
        token: String,
    }

    #[derive(Serialize)]
    struct Session {
        email: String,
    }

    async fn sso(
        _: Authorized,
        axum::Json(request): axum::Json<SsoRequest>,
    ) -> axum::Json<Session> {
        axum::Json(Session {
            email: request.token,
        })
    }

    Router::new()
        .route("/users", get(find_user).post(create_user))
        .route("/sso", post(sso))
        .route("/errors", get(|| async { "| Status | Code |" }))
        .route("/openapi.json", get(|| async { "{}" }))
        .with_state(Arc::new(Users {
            token: "demo-token".to_owned(),
            users: Mutex::new(Vec::new()),
        }))
        // The users API's own limit, so that only the error handling differs.
        .layer(DefaultBodyLimit::max(users_api::BODY_LIMIT))
}
