//! The installed-app loopback flow, with the test acting as the browser.

mod common;

use std::time::Duration;

use common::{Shop, TOKEN_ROUTE, browse};
use finqu_auth::{AuthError, Authorizer};
use finqu_testkit::FakeFinqu;

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

async fn installed_app(finqu: &FakeFinqu, redirect: &str) -> Authorizer<Shop> {
    let client = finqu.client();
    Authorizer::<Shop>::builder(client.id(), client.secret(), redirect)
        .login_server(finqu.login_url())
        .allow_loopback_http(true)
        .build()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn loopback_flow_end_to_end() {
    let redirect = format!("http://127.0.0.1:{}/callback", free_port());
    let finqu = FakeFinqu::builder()
        .redirect_uris([redirect.clone()])
        .start()
        .await;
    let auth = installed_app(&finqu, &redirect).await;
    let (tx, rx) = tokio::sync::oneshot::channel();
    let flow = tokio::spawn(async move {
        auth.authorize_installed_app(Duration::from_secs(20), |url| {
            tx.send(url.clone()).unwrap();
        })
        .await
    });
    let url = rx.await.unwrap();
    let http = reqwest::Client::new();

    // A forged callback and a stray request are answered 400 and ignored.
    let forged = http
        .get(format!("{redirect}?code=stolen&state=forged"))
        .send()
        .await
        .unwrap();
    assert_eq!(forged.status(), 400);
    let stray = http
        .get(redirect.replace("/callback", "/favicon.ico"))
        .send()
        .await
        .unwrap();
    assert_eq!(stray.status(), 400);
    assert_eq!(finqu.count(TOKEN_ROUTE), 0);

    // The browser follows the authorize URL and lands on the listener.
    let callback = browse(&url).await;
    let page = http.get(&callback).send().await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(page.text().await.unwrap().contains("close this window"));

    let session = flow.await.unwrap().unwrap();
    assert_eq!(session.merchant().id(), finqu.merchant().id());
}

#[tokio::test]
async fn loopback_flow_times_out() {
    let redirect = format!("http://127.0.0.1:{}/callback", free_port());
    let finqu = FakeFinqu::builder()
        .redirect_uris([redirect.clone()])
        .start()
        .await;
    let auth = installed_app(&finqu, &redirect).await;
    let err = auth
        .authorize_installed_app(Duration::from_millis(200), |_| {})
        .await
        .unwrap_err();
    assert!(matches!(err, AuthError::Timeout(_)), "{err:?}");
}

#[tokio::test]
async fn loopback_flow_needs_a_loopback_redirect_uri() {
    let finqu = FakeFinqu::start().await;
    let auth = installed_app(&finqu, "https://app.example/callback").await;
    let err = auth
        .authorize_installed_app(Duration::from_millis(200), |_| {
            panic!("no URL without a listener")
        })
        .await
        .unwrap_err();
    assert!(matches!(err, AuthError::Config(_)), "{err:?}");
}
