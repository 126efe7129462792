//! The users API served by axum on 127.0.0.1: `--port N` or `PORT`
//! (default 3000; 0 picks a free port). Ctrl-C stops it.

use std::net::Ipv4Addr;
use std::process::ExitCode;

use users_api::{Config, output, service};

#[tokio::main]
async fn main() -> ExitCode {
    let port = match service::port(std::env::args().skip(1), std::env::var("PORT").ok()) {
        Ok(port) => port,
        Err(message) => {
            eprintln!("users-api: {message}");
            return ExitCode::from(2);
        }
    };
    let config = Config::from_env(|name| std::env::var(name).ok());
    let listener = match tokio::net::TcpListener::bind((Ipv4Addr::LOCALHOST, port)).await {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("users-api: cannot listen on 127.0.0.1:{port}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let url = match listener.local_addr() {
        Ok(address) => format!("http://{address}"),
        Err(error) => {
            eprintln!("users-api: {error}");
            return ExitCode::FAILURE;
        }
    };
    print!("{}\n{}", output(), service::banner(&url, &config));
    let served = axum::serve(listener, users_api::axum::router(config))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await;
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("users-api: {error}");
            ExitCode::FAILURE
        }
    }
}
