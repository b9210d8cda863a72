//! The app behind `examples/web_app`: a Finqu partner app's install flow and
//! a page that reads the merchant's orders. `tests/web_app.rs` drives the same
//! router over HTTP against the fake Finqu.
//!
//! - `GET /install` sends the merchant to Finqu's authorize page. The pending
//!   authorization (state and PKCE verifier) stays on the server; the browser
//!   only gets a random id for it in an `HttpOnly` cookie.
//! - `GET /callback` completes the authorization; the authorizer saves the
//!   merchant's session in its token store (a file per merchant).
//! - `GET /orders` resumes the session from the store and lists orders.
//! - `GET /embedded` is the page Finqu's admin embeds: it trusts only the
//!   `Finqu-Context` JWT (header, or `token` query parameter), signed with
//!   the app's client secret, and answers 401 without a valid one.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex, PoisonError};

use axum::Router;
use axum::extract::{OriginalUri, State};
use axum::http::HeaderMap;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use axum::routing::get;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use finqu::api::orders::{ListOrders, Order};
use finqu::auth::{AuthError, Authorizer, ClientSecret, ContextError, PendingAuthorization};
use futures_util::{StreamExt, TryStreamExt};
use rand::RngCore;

finqu::grant!(
    /// What the web app may do: read orders.
    pub WebGrant = "orders_read"
);

/// The cookie that names a pending authorization, between `/install` and `/callback`.
const PENDING_COOKIE: &str = "finqu_pending";
/// The cookie that names a logged-in merchant's session on this app.
const LOGIN_COOKIE: &str = "finqu_login";
/// Orders shown on the page.
const MAX_ORDERS: usize = 100;

/// The app's state: the authorizer and two server-side maps keyed by random
/// cookie values (which are secrets: `Debug` shows only how many there are).
pub(crate) struct AppState {
    authorizer: Authorizer<WebGrant>,
    client_secret: ClientSecret,
    pending: Mutex<HashMap<String, PendingAuthorization>>,
    logins: Mutex<HashMap<String, String>>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("authorizer", &self.authorizer)
            .field("pending", &lock(&self.pending).len())
            .field("logins", &lock(&self.logins).len())
            .finish_non_exhaustive()
    }
}

impl AppState {
    /// State for an app that authorizes with `authorizer` (which should have
    /// a token store) and checks app contexts with `client_secret`.
    pub(crate) fn new(authorizer: Authorizer<WebGrant>, client_secret: ClientSecret) -> Arc<Self> {
        Arc::new(AppState {
            authorizer,
            client_secret,
            pending: Mutex::default(),
            logins: Mutex::default(),
        })
    }
}

/// The app's routes.
pub(crate) fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/install", get(install))
        .route("/callback", get(callback))
        .route("/orders", get(orders))
        .route("/embedded", get(embedded))
        .with_state(state)
}

async fn install(State(app): State<Arc<AppState>>, jar: CookieJar) -> (CookieJar, Redirect) {
    let (url, pending) = app.authorizer.authorize_url();
    let id = random_id();
    lock(&app.pending).insert(id.clone(), pending);
    (
        jar.add(cookie(PENDING_COOKIE, id)),
        Redirect::to(url.as_str()),
    )
}

async fn callback(
    State(app): State<Arc<AppState>>,
    jar: CookieJar,
    OriginalUri(uri): OriginalUri,
) -> Result<(CookieJar, Redirect), AppError> {
    let pending = jar
        .get(PENDING_COOKIE)
        .and_then(|c| lock(&app.pending).remove(c.value()))
        .ok_or(AppError::NoPendingInstall)?;
    let session = app.authorizer.complete(pending, &uri.to_string()).await?;
    let login = random_id();
    lock(&app.logins).insert(login.clone(), session.merchant().id().to_owned());
    let jar = jar
        .remove(Cookie::from(PENDING_COOKIE))
        .add(cookie(LOGIN_COOKIE, login));
    Ok((jar, Redirect::to("/orders")))
}

async fn orders(
    State(app): State<Arc<AppState>>,
    jar: CookieJar,
) -> Result<Html<String>, AppError> {
    let merchant_id = jar
        .get(LOGIN_COOKIE)
        .and_then(|c| lock(&app.logins).get(c.value()).cloned())
        .ok_or(AppError::NotLoggedIn)?;
    let session = app.authorizer.resume(&merchant_id).await?;
    let orders: Vec<Order> = session
        .client()
        .paginate(ListOrders::default())
        .take(MAX_ORDERS)
        .try_collect()
        .await?;
    let mut page = format!(
        "<h1>Orders of {}</h1>\n<ul>\n",
        escape(session.merchant().name())
    );
    for order in &orders {
        let _ = writeln!(
            page,
            "<li>#{} {:?}: {:.2}</li>",
            order.id, order.status, order.total
        );
    }
    page.push_str("</ul>\n");
    Ok(Html(page))
}

async fn embedded(
    State(app): State<Arc<AppState>>,
    headers: HeaderMap,
    OriginalUri(uri): OriginalUri,
) -> Result<Html<String>, AppError> {
    let token =
        finqu::auth::context_token(&headers, uri.query(), None).ok_or(ContextError::Missing)?;
    let context = finqu::auth::verify_app_context(&token, &app.client_secret)?;
    Ok(Html(format!(
        "<h1>Embedded in Finqu's admin for merchant {}</h1>\n",
        escape(context.merchant_id())
    )))
}

/// Why a request to the app failed; shown to the merchant without secrets.
#[derive(Debug)]
enum AppError {
    NoPendingInstall,
    NotLoggedIn,
    Auth(AuthError),
    Api(finqu::Error),
    Context(ContextError),
}

impl From<ContextError> for AppError {
    fn from(e: ContextError) -> Self {
        AppError::Context(e)
    }
}

impl From<AuthError> for AppError {
    fn from(e: AuthError) -> Self {
        AppError::Auth(e)
    }
}

impl From<finqu::Error> for AppError {
    fn from(e: finqu::Error) -> Self {
        AppError::Api(e)
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppError::NoPendingInstall => {
                f.write_str("no installation in progress: start again at /install")
            }
            AppError::NotLoggedIn => f.write_str("not installed yet: start at /install"),
            AppError::Auth(e) if e.is_reauthorization_required() => {
                write!(f, "{e}: install the app again at /install")
            }
            AppError::Auth(e) => write!(f, "authorization failed: {e}"),
            AppError::Api(e) => write!(f, "Finqu's API failed: {e}"),
            AppError::Context(e) => write!(f, "{e}"),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = match &self {
            AppError::NoPendingInstall => StatusCode::BAD_REQUEST,
            AppError::NotLoggedIn | AppError::Context(_) => StatusCode::UNAUTHORIZED,
            AppError::Auth(e) if e.is_reauthorization_required() => StatusCode::UNAUTHORIZED,
            AppError::Auth(AuthError::StateMismatch | AuthError::Authorization { .. }) => {
                StatusCode::BAD_REQUEST
            }
            AppError::Auth(_) | AppError::Api(_) => StatusCode::BAD_GATEWAY,
        };
        (status, self.to_string()).into_response()
    }
}

fn cookie(name: &'static str, value: String) -> Cookie<'static> {
    Cookie::build((name, value))
        .path("/")
        .http_only(true)
        .same_site(SameSite::Lax)
        .build()
}

/// 128 random bits, hex.
fn random_id() -> String {
    let mut bytes = [0u8; 16];
    rand::thread_rng().fill_bytes(&mut bytes);
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Text for an HTML page: the five characters with meaning in HTML escaped.
fn escape(text: &str) -> String {
    text.chars()
        .fold(String::with_capacity(text.len()), |mut out, c| {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                '\'' => out.push_str("&#39;"),
                c => out.push(c),
            }
            out
        })
}
