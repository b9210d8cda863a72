//! Drives `examples/web_app` over HTTP, as a browser would, against the fake Finqu.

#[path = "../examples/web_app/app.rs"]
#[allow(dead_code, reason = "shared with the example binary")]
mod app;

use std::sync::Arc;

use finqu::auth::{Authorizer, ClientSecret, FileStore};
use finqu_testkit::FakeFinqu;
use reqwest::StatusCode;
use reqwest::header::{COOKIE, LOCATION, SET_COOKIE};

struct Harness {
    app: String,
    finqu: FakeFinqu,
    browser: reqwest::Client,
    sessions: std::path::PathBuf,
}

async fn start() -> Harness {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let app = format!("http://{}", listener.local_addr().unwrap());
    let finqu = FakeFinqu::builder()
        .redirect_uris([format!("{app}/callback")])
        .start()
        .await;
    let sessions = std::env::temp_dir().join(format!(
        "finqu-web-app-test-{}",
        listener.local_addr().unwrap().port()
    ));
    let secret = finqu.client().secret().to_owned();
    let authorizer = Authorizer::builder(
        finqu.client().id(),
        finqu.client().secret(),
        format!("{app}/callback"),
    )
    .login_server(finqu.login_url())
    .allow_loopback_http(true)
    .store(Arc::new(FileStore::new(sessions.clone())))
    .build()
    .unwrap();
    tokio::spawn(async move {
        axum::serve(
            listener,
            app::router(app::AppState::new(authorizer, ClientSecret::new(secret))),
        )
        .await
    });
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    Harness {
        app,
        finqu,
        browser,
        sessions,
    }
}

impl Harness {
    async fn get(&self, url: &str, cookies: &[String]) -> reqwest::Response {
        let mut request = self.browser.get(url);
        if !cookies.is_empty() {
            request = request.header(COOKIE, cookies.join("; "));
        }
        request.send().await.unwrap()
    }
}

fn location(response: &reqwest::Response) -> String {
    response.headers()[LOCATION].to_str().unwrap().to_owned()
}

/// `name=value` of each `Set-Cookie` that sets a value.
fn cookies(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().split(';').next().unwrap().to_owned())
        .filter(|c| !c.ends_with('='))
        .collect()
}

#[tokio::test]
async fn install_callback_and_orders() {
    let h = start().await;

    let install = h.get(&format!("{}/install", h.app), &[]).await;
    assert_eq!(install.status(), StatusCode::SEE_OTHER);
    let authorize = location(&install);
    assert!(
        authorize.starts_with(&h.finqu.authorize_url()),
        "{authorize}"
    );
    assert!(authorize.contains("scope=orders_read"), "{authorize}");
    let pending = cookies(&install);
    assert!(pending[0].starts_with("finqu_pending="), "{pending:?}");

    // The fake Finqu consents and redirects back to the app.
    let consent = h.get(&authorize, &[]).await;
    assert_eq!(consent.status(), StatusCode::FOUND);
    let callback = location(&consent);
    assert!(
        callback.starts_with(&format!("{}/callback?", h.app)),
        "{callback}"
    );

    let done = h.get(&callback, &pending).await;
    assert_eq!(
        done.status(),
        StatusCode::SEE_OTHER,
        "{:?}",
        done.text().await
    );
    assert_eq!(location(&done), "/orders");
    let login = cookies(&done);
    assert!(
        login.iter().any(|c| c.starts_with("finqu_login=")),
        "{login:?}"
    );
    assert_eq!(h.finqu.count("POST /oauth2/access_token"), 1);

    // The session is in the file store, one file per merchant.
    let stored = std::fs::read_dir(&h.sessions).unwrap().count();
    assert_eq!(stored, 1);

    let orders = h.get(&format!("{}/orders", h.app), &login).await;
    assert_eq!(orders.status(), StatusCode::OK);
    let page = orders.text().await.unwrap();
    assert!(
        page.contains(&format!("Orders of {}", h.finqu.merchant().name())),
        "{page}"
    );
    assert_eq!(page.matches("<li>").count(), 60, "{page}");

    // A replayed callback has no pending installation left.
    let replay = h.get(&callback, &pending).await;
    assert_eq!(replay.status(), StatusCode::BAD_REQUEST);
    assert_eq!(h.finqu.count("POST /oauth2/access_token"), 1);
    let _ = std::fs::remove_dir_all(&h.sessions);
}

#[tokio::test]
async fn a_forged_state_is_refused_without_calling_finqu() {
    let h = start().await;
    let install = h.get(&format!("{}/install", h.app), &[]).await;
    let pending = cookies(&install);
    let forged = format!("{}/callback?code=stolen&state=forged", h.app);
    let response = h.get(&forged, &pending).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("authorization failed")
    );
    assert_eq!(h.finqu.count("POST /oauth2/access_token"), 0);
}

#[tokio::test]
async fn orders_need_an_installation() {
    let h = start().await;
    let response = h
        .get(
            &format!("{}/orders", h.app),
            &["finqu_login=nobody".to_owned()],
        )
        .await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
}

mod embedded {
    use std::time::{SystemTime, UNIX_EPOCH};

    use jsonwebtoken::{EncodingKey, Header, encode};

    use super::*;

    /// A `Finqu-Context` JWT as Finqu's admin signs it.
    fn context(secret: &str, sub: &str, exp_from_now: i64) -> String {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_secs() as i64;
        let claims = serde_json::json!({"sub": sub, "exp": now + exp_from_now, "iat": now});
        encode(
            &Header::default(),
            &claims,
            &EncodingKey::from_secret(secret.as_bytes()).unwrap(),
        )
        .unwrap()
    }

    async fn embedded(
        h: &Harness,
        header: Option<&str>,
        query: Option<&str>,
    ) -> (StatusCode, String) {
        let url = match query {
            Some(token) => format!("{}/embedded?token={token}", h.app),
            None => format!("{}/embedded", h.app),
        };
        let mut request = h.browser.get(url);
        if let Some(token) = header {
            request = request.header("Finqu-Context", token);
        }
        let response = request.send().await.unwrap();
        (response.status(), response.text().await.unwrap())
    }

    #[tokio::test]
    async fn a_valid_context_shows_the_merchant() {
        let h = start().await;
        let merchant = h.finqu.merchant().id().to_owned();
        let token = context(
            h.finqu.client().secret(),
            &format!("merchant/{merchant}"),
            300,
        );
        let (status, page) = embedded(&h, Some(&token), None).await;
        assert_eq!(status, StatusCode::OK, "{page}");
        assert!(page.contains(&format!("merchant {merchant}")), "{page}");
        let (status, _) = embedded(&h, None, Some(&token)).await;
        assert_eq!(status, StatusCode::OK);
    }

    #[tokio::test]
    async fn missing_expired_and_forged_contexts_are_401() {
        let h = start().await;
        let secret = h.finqu.client().secret().to_owned();
        let expired = context(&secret, "merchant/1001", -600);
        let forged = context("not-the-secret", "merchant/1001", 300);
        let bad_subject = context(&secret, "user/1001", 300);
        for (token, expected) in [
            (None, "no Finqu app context"),
            (Some(expired.as_str()), "expired"),
            (Some(forged.as_str()), "not signed"),
            (Some(bad_subject.as_str()), "subject"),
        ] {
            let (status, page) = embedded(&h, token, None).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{page}");
            assert!(page.contains(expected), "{expected}: {page}");
            assert!(!page.contains(&secret));
        }
    }
}
