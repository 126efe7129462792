//! The users API served by actix-web on 127.0.0.1: `--port N` or `PORT`
//! (default 3000; 0 picks a free port). Ctrl-C stops it.

use std::net::TcpListener;
use std::process::ExitCode;

use users_api::{Config, output, service};

#[actix_web::main]
async fn main() -> ExitCode {
    let port = match service::port(std::env::args().skip(1), std::env::var("PORT").ok()) {
        Ok(port) => port,
        Err(message) => {
            eprintln!("users-api-actix: {message}");
            return ExitCode::from(2);
        }
    };
    let config = Config::from_env(|name| std::env::var(name).ok());
    let listener = match TcpListener::bind(("127.0.0.1", port)) {
        Ok(listener) => listener,
        Err(error) => {
            eprintln!("users-api-actix: cannot listen on 127.0.0.1:{port}: {error}");
            return ExitCode::FAILURE;
        }
    };
    let url = match listener.local_addr() {
        Ok(address) => format!("http://{address}"),
        Err(error) => {
            eprintln!("users-api-actix: {error}");
            return ExitCode::FAILURE;
        }
    };
    print!("{}\n{}", output(), service::banner(&url, &config));
    // actix-web stops gracefully on Ctrl-C by itself.
    match users_api::actix::serve(listener, config) {
        Ok(server) => match server.await {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("users-api-actix: {error}");
                ExitCode::FAILURE
            }
        },
        Err(error) => {
            eprintln!("users-api-actix: {error}");
            ExitCode::FAILURE
        }
    }
}
