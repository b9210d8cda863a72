//! The authorization-code flow end to end, refresh, rotation and revocation.

use std::time::Duration;

use finqu_testkit::{FakeFinqu, ResourceShape};
use reqwest::StatusCode;

use crate::common::{
    self, claims, code, exchange, http, pkce, redirect_query, refresh, resource, token,
};

#[tokio::test]
async fn authorize_token_resource_api_round_trip() {
    let finqu = FakeFinqu::start().await;
    let pkce = pkce();
    let code = code(&finqu, "orders_read products_read", Some(&pkce)).await;

    let response = token(
        &finqu,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", finqu.client().redirect_uri()),
            ("code_verifier", &pkce.verifier),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let tokens: serde_json::Value = response.json().await.unwrap();
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 3600);
    assert_eq!(tokens["scope"], "orders_read products_read");
    assert!(tokens["refresh_token"].as_str().unwrap().starts_with("rt-"));
    let access = tokens["access_token"].as_str().unwrap();

    let jwt = claims(access);
    assert_eq!(jwt["scope"], "orders_read products_read");
    assert_eq!(jwt["sub"], format!("merchant/{}", finqu.merchant().id()));
    assert_eq!(
        jwt["exp"].as_u64().unwrap() - jwt["iat"].as_u64().unwrap(),
        3600
    );
    assert!(jwt["jti"].as_str().is_some_and(|j| !j.is_empty()));

    let resource = resource(&finqu, access).await;
    assert_eq!(resource["merchant"]["id"], finqu.merchant().id());
    assert_eq!(resource["merchant"]["name"], finqu.merchant().name());
    let api_url = resource["merchant"]["api_url"].as_str().unwrap();
    assert_eq!(api_url, finqu.api_url());

    let orders = http()
        .get(format!("{api_url}/orders"))
        .bearer_auth(access)
        .send()
        .await
        .unwrap();
    assert_eq!(orders.status(), StatusCode::OK);
    let orders: Vec<serde_json::Value> = orders.json().await.unwrap();
    assert_eq!(orders.len(), finqu_testkit::DEFAULT_PAGE_LIMIT);
}

#[tokio::test]
async fn endpoints_shape_gives_api_without_version() {
    let finqu = FakeFinqu::builder()
        .resource_shape(ResourceShape::Endpoints)
        .start()
        .await;
    let tokens = finqu.issue_tokens("orders_read");
    let resource = resource(&finqu, tokens.access_token()).await;
    assert!(
        resource["username"].is_string()
            && resource["name"].is_string()
            && resource["id"].is_string()
    );
    assert!(resource["merchant"].get("api_url").is_none());
    let api = resource["merchant"]["endpoints"]["api"].as_str().unwrap();
    assert_eq!(
        format!("{api}/{}", finqu_testkit::API_VERSION),
        finqu.api_url()
    );
    assert!(resource["merchant"]["endpoints"]["admin"].is_string());
    assert!(
        resource["merchant"]["endpoints"]["realtime"]
            .as_str()
            .unwrap()
            .starts_with("ws://")
    );
}

#[tokio::test]
async fn resource_refuses_a_missing_or_bad_token() {
    let finqu = FakeFinqu::start().await;
    for auth in [None, Some("Bearer nope")] {
        let mut request = http().get(finqu.resource_url());
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        let response = request.send().await.unwrap();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        let body: serde_json::Value = response.json().await.unwrap();
        assert_eq!(body["error"], "invalid_token");
    }
}

#[tokio::test]
async fn client_authenticates_with_http_basic() {
    let finqu = FakeFinqu::start().await;
    let code = code(&finqu, "orders_read", None).await;
    let response = http()
        .post(finqu.token_url())
        .basic_auth(finqu.client().id(), Some(finqu.client().secret()))
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", finqu.client().redirect_uri()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
    let tokens: serde_json::Value = response.json().await.unwrap();
    assert_eq!(tokens["scope"], "orders_read");
}

#[tokio::test]
async fn basic_credentials_are_form_url_decoded() {
    let finqu = FakeFinqu::builder()
        .client_credentials("app id", "s3cr:t+%")
        .start()
        .await;
    let tokens = finqu.issue_tokens("orders_read");
    let encode = |s: &str| url::form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
    let response = http()
        .post(finqu.token_url())
        .basic_auth(encode("app id"), Some(encode("s3cr:t+%")))
        .form(&[
            ("grant_type", "refresh_token"),
            ("refresh_token", tokens.refresh_token()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);
}

#[tokio::test]
async fn refresh_rotates_by_default() {
    let finqu = FakeFinqu::start().await;
    let pkce = pkce();
    let code = code(&finqu, "orders_read", Some(&pkce)).await;
    let first = exchange(&finqu, &code, Some(&pkce.verifier)).await;
    let old = first["refresh_token"].as_str().unwrap();

    let (status, second) = refresh(&finqu, old).await;
    assert_eq!(status, StatusCode::OK);
    let new = second["refresh_token"].as_str().unwrap();
    assert_ne!(new, old);
    assert_eq!(second["scope"], "orders_read");
    assert_ne!(second["access_token"], first["access_token"]);
    assert_eq!(
        common::get(&finqu, "/orders", second["access_token"].as_str().unwrap())
            .await
            .status(),
        200
    );

    let (status, error) = refresh(&finqu, old).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(error["error"], "invalid_grant");
    assert_eq!(refresh(&finqu, new).await.0, StatusCode::OK);
    assert_eq!(finqu.refresh_count(), 3);
    assert_eq!(finqu.grant_count("authorization_code"), 1);
}

#[tokio::test]
async fn refresh_without_rotation_keeps_the_refresh_token() {
    let finqu = FakeFinqu::builder()
        .rotate_refresh_tokens(false)
        .start()
        .await;
    let tokens = finqu.issue_tokens("orders_read orders_write");
    for _ in 0..2 {
        let (status, body) = refresh(&finqu, tokens.refresh_token()).await;
        assert_eq!(status, StatusCode::OK);
        assert!(body.get("refresh_token").is_none(), "{body}");
        assert_eq!(body["scope"], "orders_read orders_write");
    }
}

#[tokio::test]
async fn refresh_may_narrow_the_scope_but_not_widen_it() {
    let finqu = FakeFinqu::builder()
        .rotate_refresh_tokens(false)
        .start()
        .await;
    let tokens = finqu.issue_tokens("orders_read orders_write");
    let narrow = token(
        &finqu,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", tokens.refresh_token()),
            ("scope", "orders_read"),
        ],
    )
    .await;
    let narrow: serde_json::Value = narrow.json().await.unwrap();
    assert_eq!(narrow["scope"], "orders_read");
    let access = narrow["access_token"].as_str().unwrap();
    assert_eq!(
        common::call(&finqu, reqwest::Method::POST, "/orders", access, None)
            .await
            .0,
        403
    );

    let wide = token(
        &finqu,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", tokens.refresh_token()),
            ("scope", "products_read"),
        ],
    )
    .await;
    assert_eq!(wide.status(), StatusCode::BAD_REQUEST);
    let wide: serde_json::Value = wide.json().await.unwrap();
    assert_eq!(wide["error"], "invalid_scope");
}

#[tokio::test]
async fn revoked_refresh_token_is_invalid_grant() {
    let finqu = FakeFinqu::start().await;
    let tokens = finqu.issue_tokens("orders_read");
    assert!(finqu.revoke_refresh_token(tokens.refresh_token()));
    assert!(!finqu.revoke_refresh_token(tokens.refresh_token()));
    let (status, body) = refresh(&finqu, tokens.refresh_token()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert_eq!(body["error"], "invalid_grant");
    assert!(body["error_description"].is_string());
}

#[tokio::test]
async fn a_replayed_code_is_refused_and_revokes_its_tokens() {
    let finqu = FakeFinqu::start().await;
    let code = code(&finqu, "orders_read", None).await;
    let tokens = exchange(&finqu, &code, None).await;
    let form = [
        ("grant_type", "authorization_code"),
        ("code", code.as_str()),
        ("redirect_uri", finqu.client().redirect_uri()),
    ];
    let again = token(&finqu, &form).await;
    assert_eq!(again.status(), StatusCode::BAD_REQUEST);
    let again: serde_json::Value = again.json().await.unwrap();
    assert_eq!(again["error"], "invalid_grant");
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(common::get(&finqu, "/orders", access).await.status(), 401);
    let (status, _) = refresh(&finqu, tokens["refresh_token"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn consent_can_grant_less_than_asked() {
    let finqu = FakeFinqu::builder()
        .grant_scopes("orders_read products_read")
        .start()
        .await;
    let code = code(&finqu, "orders_read orders_write", None).await;
    let tokens = exchange(&finqu, &code, None).await;
    assert_eq!(tokens["scope"], "orders_read");

    // Nothing left to grant: the user denied.
    let url = common::authorize_url(
        &finqu,
        &common::authorize_params(&finqu, "customers_read", None),
    );
    let query = redirect_query(&finqu, &http().get(url).send().await.unwrap());
    assert_eq!(query["error"], "access_denied");
    assert_eq!(query["state"], "st-123");
}

#[tokio::test]
async fn deny_next_authorization_answers_access_denied_once() {
    let finqu = FakeFinqu::start().await;
    finqu.deny_next_authorization();
    let url = common::authorize_url(
        &finqu,
        &common::authorize_params(&finqu, "orders_read", None),
    );
    let denied = redirect_query(&finqu, &http().get(&url).send().await.unwrap());
    assert_eq!(denied["error"], "access_denied");
    assert_eq!(denied["state"], "st-123");
    assert!(!denied.contains_key("code"));
    let allowed = redirect_query(&finqu, &http().get(&url).send().await.unwrap());
    assert!(allowed.contains_key("code"));
}

#[tokio::test]
async fn require_pkce_refuses_requests_without_a_challenge() {
    let finqu = FakeFinqu::builder().require_pkce(true).start().await;
    let url = common::authorize_url(
        &finqu,
        &common::authorize_params(&finqu, "orders_read", None),
    );
    let query = redirect_query(&finqu, &http().get(url).send().await.unwrap());
    assert_eq!(query["error"], "invalid_request");
    let pkce = pkce();
    let code = code(&finqu, "orders_read", Some(&pkce)).await;
    exchange(&finqu, &code, Some(&pkce.verifier)).await;
}

#[tokio::test]
async fn redirect_uri_keeps_its_own_query() {
    let registered = "http://localhost:7777/cb?tenant=a";
    let finqu = FakeFinqu::builder()
        .redirect_uris([registered])
        .start()
        .await;
    let url = common::authorize_url(
        &finqu,
        &common::authorize_params(&finqu, "orders_read", None),
    );
    let query = redirect_query(&finqu, &http().get(url).send().await.unwrap());
    assert_eq!(query["tenant"], "a");
    assert!(query.contains_key("code"));
}

#[tokio::test]
async fn token_lifetime_is_configurable() {
    let finqu = FakeFinqu::builder()
        .token_ttl(Duration::from_secs(90))
        .start()
        .await;
    let code = code(&finqu, "orders_read", None).await;
    assert_eq!(exchange(&finqu, &code, None).await["expires_in"], 90);
}

#[tokio::test]
async fn an_expired_code_is_invalid_grant() {
    let finqu = FakeFinqu::builder()
        .code_ttl(Duration::from_millis(50))
        .start()
        .await;
    let code = code(&finqu, "orders_read", None).await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    let response = token(
        &finqu,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", finqu.client().redirect_uri()),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "invalid_grant");
}

#[tokio::test]
async fn token_responses_can_omit_scope() {
    let finqu = FakeFinqu::builder()
        .scope_in_token_response(false)
        .start()
        .await;
    let code = code(&finqu, "orders_read", None).await;
    let tokens = exchange(&finqu, &code, None).await;
    assert!(tokens.get("scope").is_none(), "{tokens}");
    let (status, refreshed) = refresh(&finqu, tokens["refresh_token"].as_str().unwrap()).await;
    assert_eq!(status, StatusCode::OK);
    assert!(refreshed.get("scope").is_none());
    // The token still carries the grant.
    assert_eq!(
        claims(tokens["access_token"].as_str().unwrap())["scope"],
        "orders_read"
    );
}
