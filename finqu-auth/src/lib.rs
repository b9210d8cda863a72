//! OAuth 2.0 for Finqu: the authorization-code flow with PKCE, grant
//! verification, resource discovery, and a token lifecycle that never loses a
//! token.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! use finqu_auth::Authorizer;
//! use finqu_core::{TokenSource, grant};
//!
//! grant!(pub ShopSync = "orders_read products_read");
//!
//! // A fake Finqu on loopback stands in for login.finqu.com.
//! let finqu = finqu_testkit::FakeFinqu::start().await;
//! let client = finqu.client();
//! let auth = Authorizer::<ShopSync>::builder(client.id(), client.secret(), client.redirect_uri())
//!     .login_server(finqu.login_url())
//!     .allow_loopback_http(true) // the fake speaks plain http
//!     .build()
//!     .unwrap();
//!
//! // 1. Send the merchant's browser to `url`; keep `pending` until the callback.
//! let (url, pending) = auth.authorize_url();
//! assert!(url.as_str().contains("scope=orders_read+products_read"));
//!
//! // (Here the test plays the browser: the fake consents and redirects.)
//! # let browser = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
//! # let answer = browser.get(url.as_str()).send().await.unwrap();
//! let callback: String = // the URL the browser was redirected to
//! #    answer.headers()["location"].to_str().unwrap().to_owned();
//!
//! // 2. The callback: state check, code exchange, grant check, discovery.
//! let session = auth.complete(pending, &callback).await.unwrap();
//! assert_eq!(session.merchant().id(), finqu.merchant().id());
//! assert_eq!(session.api_url().as_str(), finqu.api_url());
//!
//! // 3. The session is the token source of finqu-core's client.
//! let token = session.access_token().await.unwrap();
//! # assert!(!token.secret().is_empty());
//! let _client = session.client(); // finqu_core::Client<ShopSync>
//! # }
//! ```
//!
//! # The flow
//!
//! - [`Authorizer<G>`](Authorizer) is configured once with the client id,
//!   [`ClientSecret`], redirect URI, endpoints (Finqu's by default), client
//!   authentication ([`ClientAuth`]), PKCE (S256, on by default), the API
//!   version and an opt-in for plain-http loopback URLs.
//! - [`Authorizer::authorize_url`] gives the URL (scopes from `G`, random
//!   `state`, PKCE challenge) and a serializable [`PendingAuthorization`].
//! - [`Authorizer::complete`] checks the `state` first in constant time (no
//!   network call on a mismatch), turns an `error=` callback into
//!   [`AuthError::Authorization`], exchanges the code with the verifier,
//!   checks the granted scopes against `G` ([`AuthError::MissingScopes`]) and
//!   discovers the merchant in either of Finqu's resource shapes, requiring
//!   an `https` API URL.
//!
//! # The token lifecycle
//!
//! A [`Session<G>`](Session) implements [`finqu_core::TokenSource`]: it
//! refreshes 60 s before expiry, once for all concurrent callers; after a
//! 401 it refreshes once unless another caller already did. A rotated refresh
//! token is saved to the [`TokenStore`] before it is used; a refresh answer
//! without one keeps the old one; `invalid_grant` becomes a "re-authorization
//! required" error naming the merchant. [`Authorizer::resume`] picks a session
//! up from a store ([`MemoryStore`], [`FileStore`]) and re-checks its grant.
//!
//! # Installed apps
//!
//! [`Authorizer::authorize_installed_app`] runs the RFC 8252 loopback flow
//! for command-line and desktop apps.
//!
//! # Embedded apps
//!
//! [`verify_app_context`] checks the `Finqu-Context` JWT that the Finqu admin
//! sends to an embedded app (HS256 with the client secret, `exp`,
//! `sub` = `merchant/{id}`); [`context_token`] finds it in a request.

mod authorize;
mod callback;
mod config;
mod context;
mod discovery;
mod error;
mod exchange;
mod http;
mod installed;
mod merchant;
mod pending;
mod refresh;
mod secret;
mod session;
mod store;
mod tokens;
mod url_policy;

pub use authorize::Authorizer;
pub use config::{
    AuthorizerBuilder, ClientAuth, DEFAULT_API_VERSION, DEFAULT_AUTHORIZE_URL,
    DEFAULT_RESOURCE_URL, DEFAULT_TOKEN_URL,
};
pub use context::{
    AppContext, CONTEXT_HEADER, ContextError, context_token, verify_app_context,
    verify_app_context_for,
};
pub use error::AuthError;
pub use merchant::Merchant;
pub use pending::PendingAuthorization;
pub use secret::{ClientSecret, RefreshToken};
pub use session::Session;
pub use store::{FileStore, MemoryStore, StoreError, StoredSession, TokenStore};
pub use tokens::{REFRESH_MARGIN, TokenSet};
