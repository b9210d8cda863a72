//! The authorization-code flow against the fake Finqu.

mod common;

use common::{
    Shop, TOKEN_ROUTE, api_status, authorize, authorizer, browse, builder, start_pending,
    with_param,
};
use finqu_auth::{AuthError, ClientAuth, PendingAuthorization};
use finqu_core::TokenSource;
use finqu_testkit::{FakeFinqu, ResourceShape};

async fn full_flow(shape: ResourceShape, auth: ClientAuth) {
    let finqu = FakeFinqu::builder()
        .resource_shape(shape)
        .require_pkce(true)
        .merchant("m-77", "Flow Shop")
        .start()
        .await;
    let authorizer = authorizer::<Shop>(&finqu, auth);
    let session = authorize(&authorizer).await;
    assert_eq!(session.merchant().id(), "m-77");
    assert_eq!(session.merchant().name(), "Flow Shop");
    // Both shapes end at the same versioned base URL.
    assert_eq!(session.api_url().as_str(), finqu.api_url());
    assert_eq!(session.tokens().scope(), "orders_read products_read");
    assert!(session.tokens().refresh_token().is_some());
    let token = session.access_token().await.unwrap();
    assert_eq!(api_status(&finqu, &token).await, 200);
    assert_eq!(finqu.grant_count("authorization_code"), 1);
}

#[tokio::test]
async fn full_flow_api_url_shape_form_body() {
    full_flow(ResourceShape::ApiUrl, ClientAuth::RequestBody).await;
}

#[tokio::test]
async fn full_flow_api_url_shape_basic_auth() {
    full_flow(ResourceShape::ApiUrl, ClientAuth::BasicAuth).await;
}

#[tokio::test]
async fn full_flow_endpoints_shape_form_body() {
    full_flow(ResourceShape::Endpoints, ClientAuth::RequestBody).await;
}

#[tokio::test]
async fn full_flow_endpoints_shape_basic_auth() {
    full_flow(ResourceShape::Endpoints, ClientAuth::BasicAuth).await;
}

#[tokio::test]
async fn authorize_url_carries_scopes_state_and_pkce() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let (url, pending) = auth.authorize_url();
    let (url2, _) = auth.authorize_url();
    let q = |u: &url::Url, k: &str| {
        u.query_pairs()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.into_owned())
    };
    assert_eq!(q(&url, "response_type").as_deref(), Some("code"));
    assert_eq!(
        q(&url, "scope").as_deref(),
        Some("orders_read products_read")
    );
    assert_eq!(q(&url, "code_challenge_method").as_deref(), Some("S256"));
    assert_eq!(q(&url, "client_id").as_deref(), Some(finqu.client().id()));
    assert_ne!(q(&url, "state"), q(&url2, "state"), "state must be random");
    assert_eq!(pending.scope(), "orders_read products_read");

    let no_pkce = builder::<Shop>(&finqu).pkce(false).build().unwrap();
    let (url, _) = no_pkce.authorize_url();
    assert_eq!(q(&url, "code_challenge"), None);
}

#[tokio::test]
async fn pending_authorization_survives_serialization() {
    let finqu = FakeFinqu::builder().require_pkce(true).start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let (pending, callback) = start_pending(&auth).await;
    let kept = serde_json::to_string(&pending).unwrap();
    let pending: PendingAuthorization = serde_json::from_str(&kept).unwrap();
    let session = auth.complete(pending, &callback).await.unwrap();
    assert_eq!(session.merchant().id(), finqu.merchant().id());
}

#[tokio::test]
async fn complete_with_code_and_state() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let (pending, callback) = start_pending(&auth).await;
    let url = url::Url::parse(&callback).unwrap();
    let get = |k: &str| {
        url.query_pairs()
            .find(|(n, _)| n == k)
            .unwrap()
            .1
            .into_owned()
    };
    let session = auth
        .complete_with_code(pending, &get("code"), &get("state"))
        .await
        .unwrap();
    assert_eq!(session.merchant().id(), finqu.merchant().id());
}

#[tokio::test]
async fn narrower_grant_is_a_typed_error_naming_the_missing_scope() {
    let finqu = FakeFinqu::builder()
        .grant_scopes("orders_read")
        .start()
        .await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let (pending, callback) = start_pending(&auth).await;
    let err = auth.complete(pending, &callback).await.unwrap_err();
    let AuthError::MissingScopes(missing) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(missing.missing, ["products_read"]);
    assert_eq!(missing.grant, "Shop");
    assert!(err.to_string().contains("`products_read`"), "{err}");
    assert!(err.is_reauthorization_required());
    assert_eq!(
        finqu.count("GET /oauth2/resource"),
        0,
        "no discovery for a narrower grant"
    );
}

#[tokio::test]
async fn state_mismatch_makes_no_token_request() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let (pending, callback) = start_pending(&auth).await;
    let forged = with_param(&callback, "state", "forged-state");
    let err = auth.complete(pending.clone(), &forged).await.unwrap_err();
    assert!(matches!(err, AuthError::StateMismatch), "{err:?}");

    let url = url::Url::parse(&callback).unwrap();
    let code = url
        .query_pairs()
        .find(|(k, _)| k == "code")
        .unwrap()
        .1
        .into_owned();
    let missing = format!("{}?code={code}", finqu.client().redirect_uri());
    let err = auth.complete(pending.clone(), &missing).await.unwrap_err();
    assert!(matches!(err, AuthError::StateMismatch), "{err:?}");
    let err = auth
        .complete_with_code(pending, &code, "other")
        .await
        .unwrap_err();
    assert!(matches!(err, AuthError::StateMismatch), "{err:?}");

    assert_eq!(finqu.count(TOKEN_ROUTE), 0);
}

#[tokio::test]
async fn wrong_pkce_verifier_is_rejected() {
    let finqu = FakeFinqu::start().await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let (pending, callback) = start_pending(&auth).await;
    let mut json = serde_json::to_value(&pending).unwrap();
    json["pkce_verifier"] = "a-verifier-that-was-never-challenged-0123456789abcdef".into();
    let tampered: PendingAuthorization = serde_json::from_value(json).unwrap();
    let err = auth.complete(tampered, &callback).await.unwrap_err();
    assert_eq!(err.oauth_error(), Some("invalid_grant"), "{err:?}");
    assert!(matches!(err, AuthError::TokenEndpoint { .. }));
    assert_eq!(finqu.count(TOKEN_ROUTE), 1);
}

#[tokio::test]
async fn access_denied_is_a_typed_error() {
    let finqu = FakeFinqu::start().await;
    finqu.deny_next_authorization();
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let (url, pending) = auth.authorize_url();
    let callback = browse(&url).await;
    let err = auth.complete(pending, &callback).await.unwrap_err();
    assert!(
        matches!(&err, AuthError::Authorization { error, .. } if error == "access_denied"),
        "{err:?}"
    );
    assert_eq!(err.oauth_error(), Some("access_denied"));
    assert!(err.to_string().contains("access_denied"), "{err}");
    assert_eq!(finqu.count(TOKEN_ROUTE), 0);
}

#[tokio::test]
async fn wrong_client_secret_is_invalid_client() {
    let finqu = FakeFinqu::start().await;
    let client = finqu.client();
    let auth = finqu_auth::Authorizer::<Shop>::builder(
        client.id(),
        "not-the-secret",
        client.redirect_uri(),
    )
    .login_server(finqu.login_url())
    .allow_loopback_http(true)
    .build()
    .unwrap();
    let (pending, callback) = start_pending(&auth).await;
    let err = auth.complete(pending, &callback).await.unwrap_err();
    assert_eq!(err.oauth_error(), Some("invalid_client"), "{err:?}");
}

#[tokio::test]
async fn plain_http_endpoints_need_the_opt_in() {
    let finqu = FakeFinqu::start().await;
    let client = finqu.client();
    let err = finqu_auth::Authorizer::<Shop>::builder(
        client.id(),
        client.secret(),
        client.redirect_uri(),
    )
    .login_server(finqu.login_url())
    .build()
    .unwrap_err();
    assert!(matches!(err, AuthError::InsecureUrl { .. }), "{err:?}");
}

#[tokio::test]
async fn a_pending_authorization_for_another_grant_is_refused() {
    finqu_core::grant!(Other = "orders_read");
    let finqu = FakeFinqu::start().await;
    let shop = authorizer::<Shop>(&finqu, ClientAuth::default());
    let other = authorizer::<Other>(&finqu, ClientAuth::default());
    let (pending, callback) = start_pending(&shop).await;
    let err = other.complete(pending, &callback).await.unwrap_err();
    assert!(matches!(err, AuthError::Config(_)), "{err:?}");
    assert_eq!(finqu.count(TOKEN_ROUTE), 0);
}

#[tokio::test]
async fn discovery_refuses_a_plain_http_api_url_that_is_not_loopback() {
    for shape in [ResourceShape::ApiUrl, ResourceShape::Endpoints] {
        let finqu = FakeFinqu::builder()
            .resource_shape(shape)
            .advertised_api_url("http://shop.example/api")
            .start()
            .await;
        let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
        let (pending, callback) = start_pending(&auth).await;
        let err = auth.complete(pending, &callback).await.unwrap_err();
        assert!(
            matches!(&err, AuthError::InsecureUrl { what: "API", url } if url.starts_with("http://shop.example/api")),
            "{err:?}"
        );
    }
}

#[tokio::test]
async fn discovery_accepts_an_https_api_url() {
    let finqu = FakeFinqu::builder()
        .advertised_api_url("https://shop.example/api/1.2")
        .start()
        .await;
    let auth = authorizer::<Shop>(&finqu, ClientAuth::default());
    let (pending, callback) = start_pending(&auth).await;
    let session = auth.complete(pending, &callback).await.unwrap();
    assert_eq!(session.api_url().as_str(), "https://shop.example/api/1.2");
}
