//! A `Session` as the token source of finqu-core's `Client`, end to end
//! against the fake Finqu: refresh before expiry, refresh after a 401, and
//! one refresh for many concurrent requests.

mod common;

use common::{Shop, authorize, authorizer, expired_session};
use finqu_auth::ClientAuth;
use finqu_core::finqu_endpoint;
use finqu_testkit::{FakeFinqu, Fault};

#[derive(Debug, serde::Deserialize)]
struct Product {
    id: u64,
}

#[finqu_endpoint(method = GET, path = "/products/{id}", scope = "products_read", response = Product)]
#[derive(Debug)]
struct GetProduct {
    id: u64,
}

#[tokio::test]
async fn a_token_about_to_expire_is_refreshed_before_the_request() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::RequestBody);
    let session = expired_session(&finqu, &auth);
    let product = session.client().send(GetProduct { id: 2 }).await.unwrap();
    assert_eq!(product.id, 2);
    assert_eq!(finqu.refresh_count(), 1);
    // The request went out once, with the fresh token.
    assert_eq!(finqu.count("GET /products/{id}"), 1);
}

#[tokio::test]
async fn a_401_refreshes_once_and_the_request_is_sent_again() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::RequestBody);
    let session = authorize(&auth).await;
    finqu.expire_all_tokens(); // the server forgets the token; the session still thinks it fresh
    let product = session.client().send(GetProduct { id: 3 }).await.unwrap();
    assert_eq!(product.id, 3);
    assert_eq!(finqu.refresh_count(), 1);
    assert_eq!(finqu.count("GET /products/{id}"), 2);
}

#[tokio::test]
async fn a_second_401_is_an_error() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::RequestBody);
    let session = authorize(&auth).await;
    finqu.fail_next("GET /products/{id}", 2, Fault::Status(401));
    let err = session
        .client()
        .send(GetProduct { id: 3 })
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(401), "{err:?}");
    assert_eq!(finqu.refresh_count(), 1);
    assert_eq!(finqu.count("GET /products/{id}"), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_thousand_concurrent_requests_after_expiry_make_one_refresh() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::RequestBody);
    let session = authorize(&auth).await;
    finqu.expire_all_tokens();
    let client = session.client();
    let tasks: Vec<_> = (0..1_000u64)
        .map(|i| {
            let client = client.clone();
            tokio::spawn(async move { client.send(GetProduct { id: i % 120 + 1 }).await })
        })
        .collect();
    for task in tasks {
        task.await.unwrap().unwrap();
    }
    assert_eq!(finqu.refresh_count(), 1);
}
