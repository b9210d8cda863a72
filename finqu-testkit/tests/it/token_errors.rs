//! `POST /oauth2/access_token` errors (RFC 6749 §5.2).

use finqu_testkit::FakeFinqu;
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{code, http, pkce};

/// Assert an RFC 6749 §5.2 error answer.
async fn assert_error(response: reqwest::Response, status: StatusCode, error: &str, case: &str) {
    assert_eq!(response.status(), status, "{case}");
    assert_eq!(response.headers()["cache-control"], "no-store", "{case}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], error, "{case}: {body}");
    assert!(
        body["error_description"]
            .as_str()
            .is_some_and(|d| !d.is_empty()),
        "{case}"
    );
}

#[tokio::test]
async fn malformed_requests_are_invalid_request_or_unsupported() {
    let finqu = FakeFinqu::start().await;
    let id = finqu.client().id();
    let secret = finqu.client().secret();
    let json = http()
        .post(finqu.token_url())
        .json(&serde_json::json!({"grant_type": "refresh_token", "client_id": id, "client_secret": secret}))
        .send()
        .await
        .unwrap();
    assert_error(
        json,
        StatusCode::BAD_REQUEST,
        "invalid_request",
        "JSON body",
    )
    .await;

    let cases = [
        (
            "invalid_request",
            "no grant_type",
            Vec::<(&str, &str)>::new(),
        ),
        (
            "unsupported_grant_type",
            "password grant",
            vec![("grant_type", "password")],
        ),
        (
            "invalid_request",
            "no code",
            vec![("grant_type", "authorization_code"), ("redirect_uri", "x")],
        ),
        (
            "invalid_request",
            "no refresh_token",
            vec![("grant_type", "refresh_token")],
        ),
        (
            "invalid_request",
            "repeated grant_type",
            vec![
                ("grant_type", "refresh_token"),
                ("grant_type", "refresh_token"),
            ],
        ),
    ];
    for (error, case, mut form) in cases {
        form.extend([("client_id", id), ("client_secret", secret)]);
        let response = http()
            .post(finqu.token_url())
            .form(&form)
            .send()
            .await
            .unwrap();
        assert_error(response, StatusCode::BAD_REQUEST, error, case).await;
    }
}

#[tokio::test]
async fn client_authentication_failures() {
    let finqu = FakeFinqu::start().await;
    let tokens = finqu.issue_tokens("orders_read");
    let grant = [
        ("grant_type", "refresh_token"),
        ("refresh_token", tokens.refresh_token()),
    ];
    let id = finqu.client().id();
    let secret = finqu.client().secret();
    let token_url = finqu.token_url();
    let post = || http().post(&token_url);

    let none = post().form(&grant).send().await.unwrap();
    assert_eq!(none.headers()["www-authenticate"], "Basic realm=\"finqu\"");
    assert_error(
        none,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "no credentials",
    )
    .await;

    let mut form = grant.to_vec();
    form.push(("client_id", id));
    let no_secret = post().form(&form).send().await.unwrap();
    assert_error(
        no_secret,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "no secret",
    )
    .await;
    form.push(("client_secret", "wrong"));
    let wrong = post().form(&form).send().await.unwrap();
    assert_error(
        wrong,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "wrong secret",
    )
    .await;

    let basic = post()
        .basic_auth(id, Some("wrong"))
        .form(&grant)
        .send()
        .await
        .unwrap();
    assert_error(
        basic,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "wrong Basic secret",
    )
    .await;
    let unknown = post()
        .basic_auth("nobody", Some(secret))
        .form(&grant)
        .send()
        .await
        .unwrap();
    assert_error(
        unknown,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "unknown Basic client",
    )
    .await;
    let garbage = post()
        .header("authorization", "Basic !!!")
        .form(&grant)
        .send()
        .await
        .unwrap();
    assert_error(
        garbage,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "malformed Basic",
    )
    .await;

    let mut both = grant.to_vec();
    both.push(("client_secret", secret));
    let both = post()
        .basic_auth(id, Some(secret))
        .form(&both)
        .send()
        .await
        .unwrap();
    assert_error(
        both,
        StatusCode::BAD_REQUEST,
        "invalid_request",
        "Basic and form",
    )
    .await;
}

#[tokio::test]
async fn code_exchange_failures_are_invalid_grant() {
    let finqu = FakeFinqu::start().await;
    let pkce = pkce();
    let redirect_uri = finqu.client().redirect_uri();
    let other = crate::common::pkce();
    let cases = [
        (
            "wrong redirect_uri",
            Some(pkce.verifier.as_str()),
            "http://127.0.0.1:8910/other",
        ),
        (
            "wrong verifier",
            Some(other.verifier.as_str()),
            redirect_uri,
        ),
        ("no verifier", None, redirect_uri),
    ];
    for (case, verifier, uri) in cases {
        let code = code(&finqu, "orders_read", Some(&pkce)).await;
        let mut form = vec![
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", uri),
        ];
        form.extend(verifier.map(|v| ("code_verifier", v)));
        let response = crate::common::token(&finqu, &form).await;
        assert_error(response, StatusCode::BAD_REQUEST, "invalid_grant", case).await;
    }

    let unknown = crate::common::token(
        &finqu,
        &[
            ("grant_type", "authorization_code"),
            ("code", "made-up"),
            ("redirect_uri", redirect_uri),
        ],
    )
    .await;
    assert_error(
        unknown,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
        "unknown code",
    )
    .await;

    let code = code(&finqu, "orders_read", None).await;
    let response = crate::common::token(
        &finqu,
        &[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", redirect_uri),
            ("code_verifier", &pkce.verifier),
        ],
    )
    .await;
    assert_error(
        response,
        StatusCode::BAD_REQUEST,
        "invalid_grant",
        "verifier without challenge",
    )
    .await;
}

#[tokio::test]
async fn a_code_is_bound_to_its_client() {
    let finqu = FakeFinqu::start().await;
    let code = code(&finqu, "orders_read", None).await;
    // Same server, other credentials: the code must not be redeemable by a stranger.
    let response = http()
        .post(finqu.token_url())
        .form(&[
            ("grant_type", "authorization_code"),
            ("code", &code),
            ("redirect_uri", finqu.client().redirect_uri()),
            ("client_id", "finqu-testkit-client"),
            ("client_secret", "not-the-secret"),
        ])
        .send()
        .await
        .unwrap();
    assert_error(
        response,
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "stranger",
    )
    .await;
}

#[tokio::test]
async fn refresh_with_a_malformed_scope_is_invalid_scope() {
    let finqu = FakeFinqu::start().await;
    let tokens = finqu.issue_tokens("orders_read");
    let response = crate::common::token(
        &finqu,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", tokens.refresh_token()),
            ("scope", "Orders"),
        ],
    )
    .await;
    assert_error(
        response,
        StatusCode::BAD_REQUEST,
        "invalid_scope",
        "malformed scope",
    )
    .await;
}
