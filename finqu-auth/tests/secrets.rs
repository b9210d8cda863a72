//! No secret reaches `Debug` or `Display` of any public type or error.

mod common;

use std::sync::Arc;

use common::{Shop, authorizer, browse, builder, expired_session, start_pending, with_param};
use finqu_auth::{
    ClientAuth, ClientSecret, FileStore, MemoryStore, PendingAuthorization, RefreshToken,
    TokenStore,
};
use finqu_core::TokenSource;
use finqu_testkit::FakeFinqu;

fn assert_clean(what: &str, text: &str, secrets: &[String]) {
    for secret in secrets {
        assert!(!secret.is_empty());
        assert!(
            !text.contains(secret.as_str()),
            "{what} leaks a secret: {text}"
        );
    }
}

#[tokio::test]
async fn no_secret_in_debug_or_display() {
    let finqu = FakeFinqu::builder().require_pkce(true).start().await;
    let dir = tempfile::tempdir().unwrap();
    let store = Arc::new(MemoryStore::new());
    let auth = builder::<Shop>(&finqu)
        .store(store.clone())
        .build()
        .unwrap();
    let auth_builder = builder::<Shop>(&finqu);

    let (url, pending) = auth.authorize_url();
    let pending_json = serde_json::to_value(&pending).unwrap();
    let callback = browse(&url).await;
    let q = |k: &str| {
        url::Url::parse(&callback)
            .unwrap()
            .query_pairs()
            .find(|(n, _)| n == k)
            .unwrap()
            .1
            .into_owned()
    };
    let mut secrets = vec![
        finqu.client().secret().to_owned(),
        q("code"),
        q("state"),
        pending_json["state"].as_str().unwrap().to_owned(),
        pending_json["pkce_verifier"].as_str().unwrap().to_owned(),
    ];

    // Errors on the way, each with secrets at hand.
    let mismatch = auth
        .complete(pending.clone(), &with_param(&callback, "state", "wrong"))
        .await
        .unwrap_err();
    let (other_pending, other_callback) = start_pending(&auth).await;
    let mut tampered = serde_json::to_value(&other_pending).unwrap();
    tampered["pkce_verifier"] = "x".repeat(50).into();
    let tampered: PendingAuthorization = serde_json::from_value(tampered).unwrap();
    let bad_verifier = auth.complete(tampered, &other_callback).await.unwrap_err();
    finqu.deny_next_authorization();
    let (denied_pending, denied_callback) = start_pending(&auth).await;
    let denied = auth
        .complete(denied_pending, &denied_callback)
        .await
        .unwrap_err();

    let session = auth.complete(pending.clone(), &callback).await.unwrap();
    let tokens = session.tokens();
    secrets.push(tokens.access_token().secret().to_owned());
    secrets.push(tokens.refresh_token().unwrap().secret().to_owned());
    let replayed = auth.complete(pending, &callback).await.unwrap_err();

    let revoked = expired_session(&finqu, &authorizer::<Shop>(&finqu, ClientAuth::default()));
    let revoked_refresh = revoked
        .tokens()
        .refresh_token()
        .unwrap()
        .secret()
        .to_owned();
    secrets.push(revoked_refresh.clone());
    secrets.push(revoked.tokens().access_token().secret().to_owned());
    finqu.revoke_refresh_token(&revoked_refresh);
    let reauth = revoked.access_token().await.unwrap_err();

    let file_store = FileStore::new(dir.path());
    file_store.save(&session.to_stored()).await.unwrap();
    let stored = file_store
        .load(finqu.merchant().id())
        .await
        .unwrap()
        .unwrap();

    let debug: Vec<(&str, String)> = vec![
        ("Authorizer", format!("{auth:?}")),
        ("AuthorizerBuilder", format!("{auth_builder:?}")),
        (
            "PendingAuthorization",
            format!("{:?}", auth.authorize_url().1),
        ),
        ("Session", format!("{session:?}")),
        ("Client", format!("{:?}", session.client())),
        ("TokenSet", format!("{tokens:?}")),
        ("StoredSession", format!("{stored:?}")),
        ("MemoryStore", format!("{store:?}")),
        ("FileStore", format!("{file_store:?}")),
        (
            "ClientSecret",
            format!("{:?}", ClientSecret::new(finqu.client().secret())),
        ),
        (
            "RefreshToken",
            format!("{:?}", RefreshToken::new(secrets[6].clone())),
        ),
        ("AccessToken", format!("{:?}", tokens.access_token())),
        ("StateMismatch", format!("{mismatch:?} {mismatch}")),
        ("TokenEndpoint", format!("{bad_verifier:?} {bad_verifier}")),
        ("Authorization", format!("{denied:?} {denied}")),
        ("replayed code", format!("{replayed:?} {replayed}")),
        ("TokenError", format!("{reauth:?} {reauth}")),
        (
            "Merchant",
            format!("{:?} {}", session.merchant(), session.merchant()),
        ),
    ];
    for (what, text) in &debug {
        assert_clean(what, text, &secrets);
    }
    // The errors are the ones expected, so the check above was not vacuous.
    assert!(matches!(mismatch, finqu_auth::AuthError::StateMismatch));
    assert_eq!(bad_verifier.oauth_error(), Some("invalid_grant"));
    assert_eq!(denied.oauth_error(), Some("access_denied"));
    assert_eq!(replayed.oauth_error(), Some("invalid_grant"));
    assert!(reauth.is_reauthorization_required());
    assert!(debug.iter().any(|(_, t)| t.contains("[redacted]")));
}
