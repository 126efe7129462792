//! The users API's client example against the axum server over TCP: every
//! answer becomes a value it matches on, compared with the golden file
//! `tests/fixtures/examples/users_client.txt` (`ERRCAT_BLESS=1` rewrites it).

#[allow(dead_code)]
#[path = "../examples/users_client.rs"]
mod users_client;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_client_matches_on_every_error() {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let config = users_api::Config::from_env(|_| None);
    // The server task ends with the test's runtime.
    tokio::spawn(async move {
        axum::serve(listener, users_api::axum::router(config))
            .await
            .unwrap();
    });
    let out = users_client::run(&base).await.unwrap();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/examples/users_client.txt"
    );
    errcat::docs::sync(path, &out).unwrap();
}
