//! `GET /oauth2/authorize` errors: a 400 page when the redirect cannot be trusted, a redirect otherwise.

use finqu_testkit::FakeFinqu;
use reqwest::StatusCode;

use crate::common::{authorize_params, authorize_url, http, pkce, redirect_query};

/// `params` without `name`.
fn without<'a>(params: &[(&'a str, &'a str)], name: &str) -> Vec<(&'a str, &'a str)> {
    params.iter().copied().filter(|(k, _)| *k != name).collect()
}

/// `params` with `name` set to `value` (added when absent).
fn with<'a>(
    params: &[(&'a str, &'a str)],
    name: &'a str,
    value: &'a str,
) -> Vec<(&'a str, &'a str)> {
    let mut params = without(params, name);
    params.push((name, value));
    params
}

#[tokio::test]
async fn bad_client_or_redirect_uri_shows_a_page() {
    let finqu = FakeFinqu::start().await;
    let good = authorize_params(&finqu, "orders_read", None);
    let mut repeated = good.clone();
    repeated.push(("client_id", finqu.client().id()));
    let cases = [
        ("no client_id", without(&good, "client_id")),
        (
            "unknown client_id",
            with(&good, "client_id", "someone-else"),
        ),
        ("repeated client_id", repeated),
        ("no redirect_uri", without(&good, "redirect_uri")),
        (
            "trailing slash",
            with(&good, "redirect_uri", "http://127.0.0.1:8910/callback/"),
        ),
        (
            "other port",
            with(&good, "redirect_uri", "http://127.0.0.1:8911/callback"),
        ),
        (
            "https",
            with(&good, "redirect_uri", "https://127.0.0.1:8910/callback"),
        ),
    ];
    for (case, params) in cases {
        let response = http()
            .get(authorize_url(&finqu, &params))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST, "{case}");
        assert!(response.headers().get("location").is_none(), "{case}");
        let content_type = response.headers()["content-type"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(content_type.starts_with("text/html"), "{case}");
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("Authorization error"),
            "{case}"
        );
    }
}

#[tokio::test]
async fn other_errors_redirect_with_error_and_state() {
    let finqu = FakeFinqu::start().await;
    let pkce = pkce();
    let good = authorize_params(&finqu, "orders_read", Some(&pkce));
    let mut repeated_scope = good.clone();
    repeated_scope.push(("scope", "orders_write"));
    let cases = [
        (
            "invalid_request",
            "no response_type",
            without(&good, "response_type"),
        ),
        (
            "unsupported_response_type",
            "token flow",
            with(&good, "response_type", "token"),
        ),
        ("invalid_scope", "no scope", without(&good, "scope")),
        ("invalid_scope", "empty scope", with(&good, "scope", "")),
        (
            "invalid_scope",
            "malformed scope",
            with(&good, "scope", "orders"),
        ),
        (
            "invalid_scope",
            "comma separated",
            with(&good, "scope", "orders_read,products_read"),
        ),
        (
            "invalid_request",
            "plain PKCE",
            with(&good, "code_challenge_method", "plain"),
        ),
        (
            "invalid_request",
            "challenge without method",
            without(&good, "code_challenge_method"),
        ),
        (
            "invalid_request",
            "method without challenge",
            without(&good, "code_challenge"),
        ),
        (
            "invalid_request",
            "short challenge",
            with(&good, "code_challenge", "abc"),
        ),
        ("invalid_request", "repeated scope", repeated_scope),
    ];
    for (error, case, params) in cases {
        let response = http()
            .get(authorize_url(&finqu, &params))
            .send()
            .await
            .unwrap();
        let query = redirect_query(&finqu, &response);
        assert_eq!(
            query.get("error").map(String::as_str),
            Some(error),
            "{case}"
        );
        assert!(query.contains_key("error_description"), "{case}");
        assert_eq!(query["state"], "st-123", "{case}");
        assert!(!query.contains_key("code"), "{case}");
    }
}

#[tokio::test]
async fn a_missing_state_is_invalid_request() {
    let finqu = FakeFinqu::start().await;
    let params = without(&authorize_params(&finqu, "orders_read", None), "state");
    let response = http()
        .get(authorize_url(&finqu, &params))
        .send()
        .await
        .unwrap();
    let query = redirect_query(&finqu, &response);
    assert_eq!(query["error"], "invalid_request");
    assert!(!query.contains_key("state"));
}
