//! # finqu
//!
//! Call the [Finqu](https://www.finqu.com) e-commerce REST API with the OAuth
//! scopes each call needs checked **at compile time**.
//!
//! This facade re-exports the workspace's crates; depend on it alone.
//!
//! - [`finqu_endpoint`] declares an endpoint on a request struct.
//! - [`grant!`] declares the scopes an application's token holds.
//! - [`auth`] runs the OAuth 2.0 flow that yields a [`Session`](auth::Session)
//!   for the grant, checks that the token really carries its scopes, and
//!   keeps the token fresh.
//! - [`Client`] sends endpoints, and only those the grant allows; it retries,
//!   refreshes on 401 and pages through lists.
//! - [`api`] declares Finqu's own endpoints.
//!
//! # From authorization to a paginated stream
//!
//! This runs against finqu-testkit's fake Finqu, playing the merchant's
//! browser itself; against the real Finqu the same code sends the merchant to
//! the authorize URL and completes from your callback URL.
//!
//! ```
//! use finqu::api::orders::{CreateOrder, ListOrders, OrderItem};
//! use finqu::auth::Authorizer;
//! use finqu::grant;
//! use futures_util::TryStreamExt;
//!
//! grant!(
//!     /// What this app holds.
//!     pub ShopSync = "orders_read orders_write"
//! );
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let finqu = finqu_testkit::FakeFinqu::start().await;
//! let app = finqu.client();
//! let authorizer: Authorizer<ShopSync> = Authorizer::builder(app.id(), app.secret(), app.redirect_uri())
//!     .login_server(finqu.login_url()) // Finqu's own login server by default
//!     .allow_loopback_http(true)       // only for the fake on loopback
//!     .build()?;
//!
//! // 1. Send the merchant to the authorize URL; keep `pending` until the callback.
//! let (url, pending) = authorizer.authorize_url();
//! # let browser = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build()?;
//! # let consent = browser.get(url).send().await?;
//! # let callback_url = consent.headers()["location"].to_str()?.to_owned();
//! // 2. The callback: state checked, code exchanged, scopes verified, merchant discovered.
//! let session = authorizer.complete(pending, &callback_url).await?;
//!
//! // 3. Scoped calls; `session` hands the client fresh tokens.
//! let client = session.client();
//! client.send(CreateOrder::new(1, vec![OrderItem::new(7, 2)])).await?;
//! let orders: Vec<_> = client.paginate(ListOrders::default()).try_collect().await?;
//! assert_eq!(orders.len(), 61);
//! # Ok(())
//! # }
//! ```
//!
//! A grant that lacks a scope does not compile:
//!
//! ```compile_fail
//! use finqu::api::orders::{CreateOrder, OrderItem};
//! finqu::grant!(pub ReadOnly = "orders_read");
//!
//! async fn create(client: &finqu::Client<ReadOnly>) {
//!     // error: the token grant `ReadOnly` does not include the scope `OrdersWrite`
//!     let _ = client.send(CreateOrder::new(1, vec![OrderItem::new(7, 2)])).await;
//! }
//! ```

pub mod api;

pub use finqu_auth as auth;
pub use finqu_core::{
    AccessToken, ApiError, Authorized, Client, ClientBuilder, EncodeError, Endpoint, Error, Grant,
    Grants, MAX_PAGE_LIMIT, Method, MissingScopes, Page, Paginated, PathParam, ResponseBody,
    RetryPolicy, Scope, TokenError, TokenSource, missing_scopes, scopes, verify_grant,
};

#[doc = include_str!("../finqu-core/docs/finqu_endpoint.md")]
pub use finqu_macros::finqu_endpoint_via_facade as finqu_endpoint;

#[doc = include_str!("../finqu-core/docs/grant.md")]
pub use finqu_macros::grant_via_facade as grant;

#[doc = include_str!("../finqu-core/docs/scope.md")]
pub use finqu_macros::scope_via_facade as scope;

#[doc(hidden)]
pub use finqu_core::__private;
