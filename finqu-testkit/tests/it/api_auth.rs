//! Bearer tokens and scopes on the merchant API.

use std::time::Duration;

use finqu_testkit::FakeFinqu;
use reqwest::{Method, StatusCode};
use serde_json::Value;

use crate::common::{call, finqu_error, get, http, refresh};

#[tokio::test]
async fn a_missing_token_is_401_with_finqu_body() {
    let finqu = FakeFinqu::start().await;
    let response = http()
        .get(format!("{}/orders", finqu.api_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert!(
        response.headers()["www-authenticate"]
            .to_str()
            .unwrap()
            .starts_with("Bearer")
    );
    let body: Value = response.json().await.unwrap();
    finqu_error(&body, 1100);
}

#[tokio::test]
async fn forged_and_garbage_tokens_are_401() {
    let finqu = FakeFinqu::start().await;
    let other = FakeFinqu::start().await;
    let foreign = other.issue_tokens("orders_read");
    let mine = finqu.issue_tokens("orders_read");
    // Same header and signature, payload widened: the signature no longer matches.
    let parts: Vec<&str> = mine.access_token().split('.').collect();
    let mut claims = crate::common::claims(mine.access_token());
    claims["scope"] = "orders_read orders_write".into();
    use base64::Engine as _;
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(claims.to_string());
    let tampered = format!("{}.{payload}.{}", parts[0], parts[2]);
    for token in [
        foreign.access_token(),
        "garbage",
        "a.b.c",
        tampered.as_str(),
    ] {
        let response = get(&finqu, "/orders", token).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{token}");
        assert!(
            response.headers()["www-authenticate"]
                .to_str()
                .unwrap()
                .contains("invalid_token")
        );
        finqu_error(&response.json().await.unwrap(), 1100);
    }
    assert_eq!(
        get(&finqu, "/orders", mine.access_token()).await.status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn expired_tokens_are_401_and_refresh_recovers() {
    let finqu = FakeFinqu::start().await;
    let tokens = finqu.issue_tokens("orders_read");
    assert_eq!(
        get(&finqu, "/orders", tokens.access_token()).await.status(),
        200
    );
    finqu.expire_all_tokens();
    assert_eq!(
        get(&finqu, "/orders", tokens.access_token()).await.status(),
        401
    );
    let (status, body) = refresh(&finqu, tokens.refresh_token()).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(
        get(&finqu, "/orders", body["access_token"].as_str().unwrap())
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn tokens_expire_after_their_lifetime() {
    let finqu = FakeFinqu::builder()
        .token_ttl(Duration::from_millis(300))
        .start()
        .await;
    let tokens = finqu.issue_tokens("orders_read");
    assert_eq!(tokens.expires_in(), 1);
    assert_eq!(
        get(&finqu, "/orders", tokens.access_token()).await.status(),
        200
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(
        get(&finqu, "/orders", tokens.access_token()).await.status(),
        401
    );
}

#[tokio::test]
async fn a_missing_scope_is_403_with_finqu_body() {
    let finqu = FakeFinqu::start().await;
    // No scope implies another: orders_write does not include orders_read.
    let tokens = finqu.issue_tokens("orders_write products_read");
    let response = get(&finqu, "/orders", tokens.access_token()).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    let challenge = response.headers()["www-authenticate"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        challenge.contains("insufficient_scope") && challenge.contains("orders_read"),
        "{challenge}"
    );
    let body: Value = response.json().await.unwrap();
    let message = finqu_error(&body, 1100);
    assert!(message.contains("orders_read"), "{message}");
    assert!(body["error"].get("details").is_none());

    let (status, _) = call(
        &finqu,
        Method::DELETE,
        "/products/1",
        tokens.access_token(),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        get(&finqu, "/products/1", tokens.access_token())
            .await
            .status(),
        200
    );
}

#[tokio::test]
async fn webhooks_take_any_valid_token() {
    let finqu = FakeFinqu::start().await;
    let tokens = finqu.issue_tokens("settings_read");
    assert_eq!(
        get(&finqu, "/webhooks", tokens.access_token())
            .await
            .status(),
        200
    );
    assert_eq!(get(&finqu, "/webhooks", "forged").await.status(), 401);
}
