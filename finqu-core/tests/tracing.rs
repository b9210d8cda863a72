//! Tracing: one span per request, with method, path template, status and
//! attempt, and never a token. A binary of its own: the subscriber is global.

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use common::TestTokens;
use finqu_core::{Client, finqu_endpoint, grant};
use finqu_testkit::FakeFinqu;

#[derive(Debug, serde::Deserialize)]
struct Product {
    id: u64,
}

#[finqu_endpoint(method = GET, path = "/products/{id}", scope = "products_read", response = Product)]
struct GetProduct {
    id: u64,
}

grant!(Catalog = "products_read");

/// Collects everything tracing writes.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn tracing_names_the_request_and_never_the_token() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .with_ansi(false)
        .finish();
    tracing::subscriber::set_global_default(subscriber).unwrap();

    let finqu = Arc::new(FakeFinqu::start().await);
    let tokens = TestTokens::new(&finqu, "products_read");
    let client: Client<Catalog> = Client::new(finqu.api_url().parse().unwrap(), tokens.clone());
    finqu.expire_all_tokens();
    assert_eq!(client.send(GetProduct { id: 1 }).await.unwrap().id, 1);

    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("finqu.request"), "{log}");
    assert!(log.contains("path=\"/products/{id}\""), "{log}");
    assert!(log.contains("attempt=2"), "{log}");
    let token = tokens.current.lock().unwrap().clone();
    assert!(
        !log.contains(token.secret()),
        "the access token reached a log line"
    );
    assert!(!log.contains("eyJ"), "a JWT reached a log line");
}
