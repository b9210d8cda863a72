//! The token lifecycle of a session against the fake Finqu.

mod common;

use std::sync::Arc;
use std::time::Duration;

use common::{Shop, TOKEN_ROUTE, api_status, authorize, authorizer, builder, expired_session};
use finqu_auth::{ClientAuth, MemoryStore, TokenStore};
use finqu_core::{AccessToken, TokenSource};
use finqu_testkit::FakeFinqu;

#[tokio::test]
async fn refresh_with_rotation_replaces_the_refresh_token() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let session = authorize(&auth).await;
    let before = session.tokens();
    let token = session.refresh_now().await.unwrap();
    let after = session.tokens();
    assert_ne!(&token, before.access_token());
    assert_ne!(after.refresh_token(), before.refresh_token());
    assert_eq!(api_status(&finqu, &token).await, 200);
    // The old refresh token was spent; the new one is live.
    assert!(!finqu.revoke_refresh_token(before.refresh_token().unwrap().secret()));
    assert!(finqu.revoke_refresh_token(after.refresh_token().unwrap().secret()));
    assert_eq!(finqu.refresh_count(), 1);
}

#[tokio::test]
async fn refresh_without_rotation_keeps_the_refresh_token() {
    let finqu = FakeFinqu::builder()
        .rotate_refresh_tokens(false)
        .start()
        .await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::BasicAuth);
    let session = authorize(&auth).await;
    let before = session.tokens();
    let first = session.refresh_now().await.unwrap();
    let second = session.refresh_now().await.unwrap();
    assert_ne!(first, second);
    assert_eq!(session.tokens().refresh_token(), before.refresh_token());
    assert_eq!(session.tokens().scope(), before.scope());
    assert_eq!(api_status(&finqu, &second).await, 200);
    assert_eq!(finqu.refresh_count(), 2);
}

#[tokio::test]
async fn a_fresh_token_is_not_refreshed() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let session = authorize(&auth).await;
    let a = session.access_token().await.unwrap();
    let b = session.access_token().await.unwrap();
    assert_eq!(a, b);
    assert_eq!(finqu.refresh_count(), 0);
}

#[tokio::test]
async fn a_token_about_to_expire_is_refreshed_ahead() {
    // Lifetime 4 s: refreshed halfway (the 60 s margin does not fit).
    let finqu = FakeFinqu::builder()
        .token_ttl(Duration::from_secs(4))
        .start()
        .await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let session = authorize(&auth).await;
    let first = session.access_token().await.unwrap();
    tokio::time::sleep(Duration::from_millis(2_100)).await;
    let second = session.access_token().await.unwrap();
    assert_ne!(first, second);
    assert_eq!(finqu.refresh_count(), 1);
    assert_eq!(api_status(&finqu, &second).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_concurrent_callers_on_an_expired_token_refresh_once() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let session = expired_session(&finqu, &auth);
    finqu.reset_counters();
    let callers: Vec<_> = (0..1_000)
        .map(|_| {
            let session = session.clone();
            tokio::spawn(async move { session.access_token().await })
        })
        .collect();
    let mut tokens = Vec::new();
    for caller in callers {
        tokens.push(caller.await.unwrap().unwrap());
    }
    assert_eq!(
        finqu.refresh_count(),
        1,
        "exactly one refresh for 1,000 callers"
    );
    assert_eq!(finqu.count(TOKEN_ROUTE), 1);
    assert!(tokens.iter().all(|t| t == &tokens[0]));
    assert_eq!(api_status(&finqu, &tokens[0]).await, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_thousand_callers_rejected_with_the_same_token_refresh_once() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let session = authorize(&auth).await;
    let rejected = session.access_token().await.unwrap();
    finqu.expire_all_tokens();
    assert_eq!(api_status(&finqu, &rejected).await, 401);
    let callers: Vec<_> = (0..1_000)
        .map(|_| {
            let session = session.clone();
            let rejected = rejected.clone();
            tokio::spawn(async move { session.refresh_after_unauthorized(&rejected).await })
        })
        .collect();
    for caller in callers {
        let token = caller.await.unwrap().unwrap();
        assert_ne!(token, rejected);
    }
    assert_eq!(finqu.refresh_count(), 1);
}

#[tokio::test]
async fn a_401_to_a_token_already_replaced_does_not_refresh_again() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let session = authorize(&auth).await;
    let old = session.access_token().await.unwrap();
    let new = session.refresh_after_unauthorized(&old).await.unwrap();
    assert_eq!(finqu.refresh_count(), 1);
    // A request sent with `old` before the refresh comes back 401 later.
    let again = session.refresh_after_unauthorized(&old).await.unwrap();
    assert_eq!(again, new);
    assert_eq!(finqu.refresh_count(), 1);
    // A stranger's token is not the current one either.
    let _ = session
        .refresh_after_unauthorized(&AccessToken::new("x"))
        .await
        .unwrap();
    assert_eq!(finqu.refresh_count(), 1);
}

#[tokio::test]
async fn invalid_grant_requires_reauthorization_naming_the_merchant() {
    let finqu = FakeFinqu::builder()
        .merchant("m-9", "Gone Shop")
        .start()
        .await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let session = expired_session(&finqu, &auth);
    assert!(finqu.revoke_refresh_token(session.tokens().refresh_token().unwrap().secret()));
    let err = session.access_token().await.unwrap_err();
    assert!(err.is_reauthorization_required(), "{err}");
    let message = err.to_string();
    assert!(
        message.contains("Gone Shop") && message.contains("m-9"),
        "{message}"
    );
    assert!(message.contains("invalid_grant"), "{message}");
    // The dead refresh token is not sent again.
    let again = session.access_token().await.unwrap_err();
    assert!(again.is_reauthorization_required());
    assert_eq!(finqu.refresh_count(), 1);
}

#[tokio::test]
async fn a_rotated_refresh_token_is_stored_before_it_is_returned() {
    let finqu = FakeFinqu::start().await;
    let store = Arc::new(MemoryStore::new());
    let auth = builder::<Shop>(&finqu)
        .store(store.clone())
        .build()
        .unwrap();
    let session = authorize(&auth).await;
    let id = finqu.merchant().id();
    let stored = store.load(id).await.unwrap().unwrap();
    assert_eq!(
        stored.tokens().refresh_token(),
        session.tokens().refresh_token()
    );

    let token = session.refresh_now().await.unwrap();
    let stored = store.load(id).await.unwrap().unwrap();
    assert_eq!(stored.tokens().access_token(), &token);
    assert_eq!(
        stored.tokens().refresh_token(),
        session.tokens().refresh_token()
    );
}

#[tokio::test]
async fn the_session_drives_the_core_client() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let session = authorize(&auth).await;
    let client = session.client();
    assert_eq!(client.base_url().as_str(), finqu.api_url());
}
