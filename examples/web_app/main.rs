//! A Finqu partner app on axum: install flow, session in a file store, and a
//! page that lists the merchant's orders.
//!
//! ```text
//! cargo run --example web_app
//! ```
//!
//! With no configuration it starts the fake Finqu in-process and prints the
//! app's `/install` URL: open it in a browser (the fake consents at once).
//! With `FINQU_CLIENT_ID`, `FINQU_CLIENT_SECRET` and `FINQU_REDIRECT_URI` set
//! (the redirect URI must point at this app's `/callback`, and `FINQU_BIND`
//! at its address, default `127.0.0.1:8910`), it talks to the real Finqu.
//! Sessions are saved under `FINQU_SESSION_DIR` (default: a temp directory).
#![allow(clippy::print_stdout, reason = "an example prints where to go")]

mod app;

use std::path::PathBuf;

use finqu::auth::{Authorizer, ClientSecret, FileStore};
use finqu_testkit::FakeFinqu;
use tokio::net::TcpListener;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let sessions = std::env::var_os("FINQU_SESSION_DIR").map_or_else(
        || std::env::temp_dir().join("finqu-web-app-sessions"),
        PathBuf::from,
    );
    let store = std::sync::Arc::new(FileStore::new(sessions.clone()));

    let real = [
        "FINQU_CLIENT_ID",
        "FINQU_CLIENT_SECRET",
        "FINQU_REDIRECT_URI",
    ]
    .map(|k| std::env::var(k).ok());
    let (listener, authorizer, secret, _fake) =
        if let [Some(id), Some(secret), Some(redirect)] = real {
            let bind = std::env::var("FINQU_BIND").unwrap_or_else(|_| "127.0.0.1:8910".to_owned());
            let authorizer = Authorizer::builder(id, secret.clone(), redirect)
                .store(store)
                .build()?;
            (TcpListener::bind(bind).await?, authorizer, secret, None)
        } else {
            let listener = TcpListener::bind("127.0.0.1:0").await?;
            let redirect = format!("http://{}/callback", listener.local_addr()?);
            let fake = FakeFinqu::builder()
                .redirect_uris([redirect.clone()])
                .start()
                .await;
            let client = fake.client();
            let authorizer = Authorizer::builder(client.id(), client.secret(), redirect)
                .login_server(fake.login_url())
                .allow_loopback_http(true)
                .store(store)
                .build()?;
            println!("fake Finqu at {}", fake.login_url());
            let secret = client.secret().to_owned();
            (listener, authorizer, secret, Some(fake))
        };
    println!("sessions are saved in {}", sessions.display());
    println!("open http://{}/install", listener.local_addr()?);
    axum::serve(
        listener,
        app::router(app::AppState::new(authorizer, ClientSecret::new(secret))),
    )
    .await?;
    Ok(())
}
