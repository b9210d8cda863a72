//! [`FakeFinqu`]: the handle of a running fake, with its URLs and controls.

use std::net::SocketAddr;

use serde_json::Value;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::Builder;
use crate::faults::Fault;
use crate::identity::{Merchant, TestClient, Tokens};
use crate::state::AppState;
use crate::store::Collection;

/// A fake Finqu (login server and merchant API) listening on `127.0.0.1`.
///
/// Dropping the handle stops the server and closes its connections. Each
/// instance has its own port, signing key and data, so many can run in
/// parallel in one test binary.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// use finqu_testkit::{FakeFinqu, Fault};
///
/// let finqu = FakeFinqu::start().await;
/// let tokens = finqu.issue_tokens("orders_read");
/// finqu.fail_next("GET /orders", 1, Fault::Status(503));
///
/// let http = reqwest::Client::new();
/// let orders = format!("{}/orders", finqu.api_url());
/// let first = http.get(&orders).bearer_auth(tokens.access_token()).send().await.unwrap();
/// assert_eq!(first.status(), 503);
/// let second = http.get(&orders).bearer_auth(tokens.access_token()).send().await.unwrap();
/// assert_eq!(second.status(), 200);
/// assert_eq!(finqu.count("GET /orders"), 2);
/// # }
/// ```
pub struct FakeFinqu {
    addr: SocketAddr,
    app: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    task: JoinHandle<()>,
}

impl std::fmt::Debug for FakeFinqu {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FakeFinqu")
            .field("login_url", &self.app.login_url)
            .field("api_url", &self.app.api_url)
            .field("client", &self.app.client)
            .field("merchant", &self.app.merchant)
            .finish_non_exhaustive()
    }
}

impl Builder {
    /// Start the fake on `127.0.0.1`.
    ///
    /// # Panics
    ///
    /// When called outside a Tokio runtime, or when the port cannot be bound
    /// (see [`try_start`](Self::try_start)).
    pub async fn start(self) -> FakeFinqu {
        let port = self.port;
        match self.try_start().await {
            Ok(finqu) => finqu,
            Err(e) => panic!("finqu-testkit: cannot listen on 127.0.0.1:{port}: {e}"),
        }
    }

    /// Start the fake on `127.0.0.1`.
    ///
    /// # Errors
    ///
    /// When the port cannot be bound (e.g. it is in use).
    ///
    /// # Panics
    ///
    /// When called outside a Tokio runtime.
    pub async fn try_start(self) -> std::io::Result<FakeFinqu> {
        let running = crate::server::start(self).await?;
        Ok(FakeFinqu {
            addr: running.addr,
            app: running.app,
            shutdown: Some(running.shutdown),
            task: running.task,
        })
    }
}

impl FakeFinqu {
    /// Start a fake with the defaults on `127.0.0.1` and a free port.
    ///
    /// # Panics
    ///
    /// When called outside a Tokio runtime, or when no loopback port can be bound.
    pub async fn start() -> Self {
        Builder::new().start().await
    }

    /// A [`Builder`] with the defaults.
    pub fn builder() -> Builder {
        Builder::new()
    }

    /// The address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The login server's base URL, `http://127.0.0.1:PORT` (no trailing slash).
    pub fn login_url(&self) -> &str {
        &self.app.login_url
    }

    /// `{login_url}/oauth2/authorize`
    pub fn authorize_url(&self) -> String {
        format!("{}/oauth2/authorize", self.app.login_url)
    }

    /// `{login_url}/oauth2/access_token`
    pub fn token_url(&self) -> String {
        format!("{}/oauth2/access_token", self.app.login_url)
    }

    /// `{login_url}/oauth2/resource`
    pub fn resource_url(&self) -> String {
        format!("{}/oauth2/resource", self.app.login_url)
    }

    /// The merchant API's base URL with version: `{login_url}/api/1.2` (see
    /// [`API_VERSION`](crate::API_VERSION)); no trailing slash.
    pub fn api_url(&self) -> &str {
        &self.app.api_url
    }

    /// The HTTP control plane's base URL: `{login_url}/__testkit`.
    pub fn control_url(&self) -> String {
        format!("{}{}", self.app.login_url, crate::control::CONTROL_PREFIX)
    }

    /// What a program needs to talk to this fake, as one JSON object:
    /// `login_url`, `authorize_url`, `token_url`, `resource_url`, `api_url`,
    /// `api_version`, `control_url`, `client_id`, `client_secret`,
    /// `redirect_uri`, `redirect_uris`, `merchant_id`, `merchant_name`. The
    /// program prints it as its first line; `GET /__testkit/info` answers it.
    pub fn info(&self) -> Value {
        self.app.info()
    }

    /// The registered test client.
    pub fn client(&self) -> &TestClient {
        &self.app.client
    }

    /// The merchant whose shop this fake serves.
    pub fn merchant(&self) -> &Merchant {
        &self.app.merchant
    }

    /// Mint an access token and a refresh token for the test client, granting
    /// `scope` (space separated) without the browser flow. They behave like
    /// tokens from the token endpoint.
    ///
    /// # Panics
    ///
    /// When the token cannot be signed, which does not happen with HS256.
    pub fn issue_tokens(&self, scope: &str) -> Tokens {
        self.app
            .mint(scope)
            .unwrap_or_else(|e| panic!("finqu-testkit: cannot sign a token: {e}"))
    }

    /// Expire every access token issued so far: the API answers 401 to them.
    /// Refresh tokens stay valid.
    pub fn expire_all_tokens(&self) {
        self.app.expire_all_tokens();
    }

    /// Revoke one refresh token: it then answers `invalid_grant`. Whether it
    /// was live.
    pub fn revoke_refresh_token(&self, refresh_token: &str) -> bool {
        self.app.revoke_refresh_token(refresh_token)
    }

    /// Make the next authorization answer `error=access_denied` (as if the
    /// user clicked "deny"). Calls add up.
    pub fn deny_next_authorization(&self) {
        self.app.deny_next_authorization();
    }

    /// Make the next `times` requests to `route` fail with `fault`. Faults
    /// queue up in the order given. `route` is a route key such as
    /// `"POST /orders"`, `"GET /orders/{id}"` or `"POST /oauth2/access_token"`
    /// (see [`routes`](crate::routes)).
    ///
    /// # Panics
    ///
    /// When `route` is not a route key, so that a typo fails the test.
    pub fn fail_next(&self, route: &str, times: u32, fault: Fault) {
        if let Err(unknown) = self.app.fail_next(route, times, fault) {
            panic!("finqu-testkit: {unknown}");
        }
    }

    /// Drop every queued fault.
    pub fn clear_faults(&self) {
        self.app.lock().faults.clear();
    }

    /// How many requests reached `route` (a route key, see
    /// [`fail_next`](Self::fail_next)) whatever they were answered: faults,
    /// authentication errors and successes all count.
    ///
    /// # Panics
    ///
    /// When `route` is not a route key, so that a typo fails the test.
    pub fn count(&self, route: &str) -> u64 {
        self.app
            .count(route)
            .unwrap_or_else(|unknown| panic!("finqu-testkit: {unknown}"))
    }

    /// How many token requests had `grant_type` (e.g. `"authorization_code"`),
    /// whatever they were answered.
    pub fn grant_count(&self, grant_type: &str) -> u64 {
        self.app.lock().counters.grant(grant_type)
    }

    /// How many token requests had `grant_type=refresh_token`.
    pub fn refresh_count(&self) -> u64 {
        self.grant_count("refresh_token")
    }

    /// Set every counter back to zero.
    pub fn reset_counters(&self) {
        self.app.lock().counters.reset();
    }

    /// The records of `collection` as stored now, by ascending id.
    pub fn records(&self, collection: Collection) -> Vec<Value> {
        self.app.records(collection)
    }
}

impl Drop for FakeFinqu {
    fn drop(&mut self) {
        if let Some(shutdown) = self.shutdown.take() {
            // The server may already be gone with its runtime.
            let _ = shutdown.send(());
        }
        self.task.abort();
    }
}
