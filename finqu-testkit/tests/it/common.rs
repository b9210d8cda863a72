//! Helpers: an HTTP client that does not follow redirects, PKCE, the authorize step.

use std::collections::HashMap;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use finqu_testkit::FakeFinqu;
use reqwest::{Response, StatusCode};
use serde_json::Value;
use sha2::{Digest as _, Sha256};

/// A client that shows redirects instead of following them.
pub(crate) fn http() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// A PKCE verifier and its S256 challenge, computed here independently of the fake.
pub(crate) struct Pkce {
    pub(crate) verifier: String,
    pub(crate) challenge: String,
}

pub(crate) fn pkce() -> Pkce {
    let verifier = URL_SAFE_NO_PAD.encode(rand::random::<[u8; 32]>());
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    Pkce {
        verifier,
        challenge,
    }
}

/// The authorize URL with `params` (nothing added).
pub(crate) fn authorize_url(finqu: &FakeFinqu, params: &[(&str, &str)]) -> String {
    let mut url = url::Url::parse(&finqu.authorize_url()).unwrap();
    url.query_pairs_mut().extend_pairs(params);
    url.into()
}

/// A well-formed authorization request for `scope` with state `st` and the given PKCE.
pub(crate) fn authorize_params<'a>(
    finqu: &'a FakeFinqu,
    scope: &'a str,
    pkce: Option<&'a Pkce>,
) -> Vec<(&'a str, &'a str)> {
    let mut params = vec![
        ("response_type", "code"),
        ("client_id", finqu.client().id()),
        ("redirect_uri", finqu.client().redirect_uri()),
        ("scope", scope),
        ("state", "st-123"),
    ];
    if let Some(pkce) = pkce {
        params.push(("code_challenge", &pkce.challenge));
        params.push(("code_challenge_method", "S256"));
    }
    params
}

/// The query of the 302's `Location`, after checking it goes to the registered redirect URI.
pub(crate) fn redirect_query(finqu: &FakeFinqu, response: &Response) -> HashMap<String, String> {
    assert_eq!(response.status(), StatusCode::FOUND, "expected a redirect");
    let location = response.headers()["location"].to_str().unwrap();
    let url = url::Url::parse(location).unwrap();
    assert!(
        location.starts_with(finqu.client().redirect_uri()),
        "{location}"
    );
    url.query_pairs().into_owned().collect()
}

/// Authorize `scope` and answer the code.
pub(crate) async fn code(finqu: &FakeFinqu, scope: &str, pkce: Option<&Pkce>) -> String {
    let url = authorize_url(finqu, &authorize_params(finqu, scope, pkce));
    let response = http().get(url).send().await.unwrap();
    let query = redirect_query(finqu, &response);
    assert_eq!(query["state"], "st-123");
    query["code"].clone()
}

/// POST the token endpoint with `form` plus the client credentials in the body.
pub(crate) async fn token(finqu: &FakeFinqu, form: &[(&str, &str)]) -> Response {
    let mut form = form.to_vec();
    form.push(("client_id", finqu.client().id()));
    form.push(("client_secret", finqu.client().secret()));
    http()
        .post(finqu.token_url())
        .form(&form)
        .send()
        .await
        .unwrap()
}

/// Exchange a code (form client authentication); the JSON answer.
pub(crate) async fn exchange(finqu: &FakeFinqu, code: &str, verifier: Option<&str>) -> Value {
    let mut form = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", finqu.client().redirect_uri()),
    ];
    if let Some(verifier) = verifier {
        form.push(("code_verifier", verifier));
    }
    let response = token(finqu, &form).await;
    assert_eq!(response.status(), StatusCode::OK);
    response.json().await.unwrap()
}

/// Refresh (form client authentication); status and JSON answer.
pub(crate) async fn refresh(finqu: &FakeFinqu, refresh_token: &str) -> (StatusCode, Value) {
    let response = token(
        finqu,
        &[
            ("grant_type", "refresh_token"),
            ("refresh_token", refresh_token),
        ],
    )
    .await;
    (response.status(), response.json().await.unwrap())
}

/// `GET /oauth2/resource` with a bearer token: the JSON body.
pub(crate) async fn resource(finqu: &FakeFinqu, token: &str) -> Value {
    http()
        .get(finqu.resource_url())
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// GET `{api_url}{path}` with a bearer token.
pub(crate) async fn get(finqu: &FakeFinqu, path: &str, token: &str) -> Response {
    http()
        .get(format!("{}{path}", finqu.api_url()))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

/// Status and JSON body of an API call.
pub(crate) async fn call(
    finqu: &FakeFinqu,
    method: reqwest::Method,
    path: &str,
    token: &str,
    body: Option<Value>,
) -> (StatusCode, Value) {
    let mut request = http()
        .request(method, format!("{}{path}", finqu.api_url()))
        .bearer_auth(token);
    if let Some(body) = body {
        request = request.json(&body);
    }
    let response = request.send().await.unwrap();
    let status = response.status();
    let text = response.text().await.unwrap();
    let body = if text.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&text).unwrap()
    };
    (status, body)
}

/// The claims of a JWT, read without verifying it.
pub(crate) fn claims(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

/// Assert Finqu's error body with `code` and answer its message.
pub(crate) fn finqu_error(body: &Value, code: u64) -> String {
    assert_eq!(body["error"]["code"], code, "{body}");
    body["error"]["message"].as_str().unwrap().to_owned()
}
