//! Shared by the integration tests: an authorizer for a fake Finqu, and a browser.

#![allow(dead_code, unreachable_pub)] // Each test binary uses a part.

use std::time::{Duration, SystemTime};

use finqu_auth::{
    Authorizer, AuthorizerBuilder, ClientAuth, Merchant, PendingAuthorization, Session,
    StoredSession, TokenSet,
};
use finqu_core::{AccessToken, Grant};
use finqu_testkit::FakeFinqu;

finqu_core::grant!(pub Shop = "orders_read products_read");

/// A builder for `finqu`'s registered client and endpoints, loopback http allowed.
pub fn builder<G: Grant>(finqu: &FakeFinqu) -> AuthorizerBuilder<G> {
    let client = finqu.client();
    Authorizer::<G>::builder(client.id(), client.secret(), client.redirect_uri())
        .login_server(finqu.login_url())
        .allow_loopback_http(true)
}

pub fn authorizer<G: Grant>(finqu: &FakeFinqu, auth: ClientAuth) -> Authorizer<G> {
    builder::<G>(finqu).client_auth(auth).build().unwrap()
}

/// Plays the browser: follows the authorize URL to the fake's redirect and
/// returns where it points (the callback URL).
pub async fn browse(url: &url::Url) -> String {
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let answer = browser.get(url.as_str()).send().await.unwrap();
    assert_eq!(
        answer.status(),
        302,
        "the fake should redirect to the callback"
    );
    answer.headers()["location"].to_str().unwrap().to_owned()
}

/// The whole flow: authorize URL, browser, callback.
pub async fn authorize<G: Grant>(auth: &Authorizer<G>) -> Session<G> {
    let (url, pending) = auth.authorize_url();
    let callback = browse(&url).await;
    auth.complete(pending, &callback).await.unwrap()
}

pub async fn start_pending<G: Grant>(auth: &Authorizer<G>) -> (PendingAuthorization, String) {
    let (url, pending) = auth.authorize_url();
    (pending, browse(&url).await)
}

/// A session whose access token the client believes expired, from tokens
/// the fake minted.
pub fn expired_session<G: Grant>(finqu: &FakeFinqu, auth: &Authorizer<G>) -> Session<G> {
    let tokens = finqu.issue_tokens(&G::scope_param());
    let set = TokenSet::new(
        AccessToken::new(tokens.access_token()),
        Some(tokens.refresh_token().into()),
        Some(SystemTime::now() - Duration::from_secs(1)),
        tokens.scope(),
    );
    auth.session_from(StoredSession::new(merchant(finqu), set))
        .unwrap()
}

pub fn merchant(finqu: &FakeFinqu) -> Merchant {
    Merchant::new(
        finqu.merchant().id(),
        finqu.merchant().name(),
        finqu.api_url().parse().unwrap(),
    )
}

/// Calls the fake's API with `token`; the status.
pub async fn api_status(finqu: &FakeFinqu, token: &AccessToken) -> u16 {
    reqwest::Client::new()
        .get(format!("{}/orders", finqu.api_url()))
        .bearer_auth(token.secret())
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

/// Replaces one query parameter of `url`.
pub fn with_param(url: &str, key: &str, value: &str) -> String {
    let mut url = url::Url::parse(url).unwrap();
    let pairs: Vec<(String, String)> = url
        .query_pairs()
        .map(|(k, v)| {
            let v = if k == key {
                value.to_owned()
            } else {
                v.into_owned()
            };
            (k.into_owned(), v)
        })
        .collect();
    url.query_pairs_mut().clear().extend_pairs(pairs);
    url.to_string()
}

pub const TOKEN_ROUTE: &str = "POST /oauth2/access_token";
