//! A stateful fake Finqu — login server and merchant API — on loopback, for
//! offline development and tests.
//!
//! ```
//! # #[tokio::main(flavor = "current_thread")] async fn main() {
//! let finqu = finqu_testkit::FakeFinqu::start().await;
//! let tokens = finqu.issue_tokens("products_read");
//!
//! let page = reqwest::Client::new()
//!     .get(format!("{}/products?limit=50", finqu.api_url()))
//!     .bearer_auth(tokens.access_token())
//!     .send()
//!     .await
//!     .unwrap();
//! assert_eq!(page.status(), 200);
//! assert_eq!(page.headers()["x-result-count"], "120");
//! assert_eq!(page.headers()["x-pagination-count"], "3");
//! # }
//! ```
//!
//! [`FakeFinqu::start`] listens on `127.0.0.1` on a free port and returns a
//! handle with its URLs, a registered [`TestClient`], the seeded [`Merchant`],
//! and controls; dropping the handle stops the server. [`FakeFinqu::builder`]
//! configures token lifetime, refresh-token rotation, the resource shape, a
//! narrower consent and the amount of seeded data. `cargo run -p
//! finqu-testkit -- --help` serves the same fake as a program.
//!
//! # Login server
//!
//! Both servers share one port: the login server at
//! [`login_url`](FakeFinqu::login_url), the merchant API under
//! [`api_url`](FakeFinqu::api_url) = `{login_url}/api/`[`API_VERSION`].
//!
//! - `GET /oauth2/authorize` checks `client_id` and an exact `redirect_uri`;
//!   when either is wrong it answers a 400 HTML page. Otherwise every other
//!   problem redirects with `error`, `error_description` and `state`
//!   (RFC 6749 §4.1.2.1): `invalid_request` (no `state`, no `response_type`,
//!   a repeated parameter, a PKCE method other than `S256`, a malformed
//!   challenge), `unsupported_response_type`, `invalid_scope` (missing, or a
//!   token not of the form `resource_permission`), `access_denied` (after
//!   [`FakeFinqu::deny_next_authorization`], or when
//!   [`Builder::grant_scopes`] leaves nothing). Consent is automatic: 302 to
//!   the redirect URI with `code` and `state`. PKCE is optional unless
//!   [`Builder::require_pkce`]; a challenge must use `S256`.
//! - `POST /oauth2/access_token` takes a form body. The client authenticates
//!   by HTTP Basic or by `client_id` and `client_secret` in the body, not
//!   both. Grants: `authorization_code` (single use — a replayed code also
//!   revokes the tokens it gave — valid [`CODE_TTL`] or [`Builder::code_ttl`], bound to the client, the
//!   redirect URI and the PKCE verifier) and `refresh_token` (an optional
//!   narrower `scope`; rotation per [`Builder::rotate_refresh_tokens`], on by
//!   default; without rotation the answer has no `refresh_token`). Errors are
//!   RFC 6749 §5.2 JSON: `invalid_request`, `invalid_client` (401),
//!   `invalid_grant`, `unsupported_grant_type`, `invalid_scope`. Answers carry
//!   `Cache-Control: no-store`, and `scope` unless
//!   [`Builder::scope_in_token_response`] turned it off.
//! - `GET /oauth2/resource` with a bearer token answers the merchant in the
//!   [`ResourceShape`] configured; 401 `invalid_token` otherwise.
//!
//! Access tokens are HS256 JWTs signed with a random per-server secret, with
//! claims `iss`, `sub` (`merchant/{id}`), `merchant_id`, `client_id`,
//! `scope`, `iat`, `exp` and a unique `jti`. Their lifetime is exact to the
//! millisecond ([`Builder::token_ttl`]).
//!
//! # Merchant API
//!
//! Every route checks the bearer token: 401 with Finqu's error body
//! `{"error": {"message", "code": 1100}}` and `WWW-Authenticate: Bearer` when
//! it is missing, forged, expired or revoked; 403 with the same body when it
//! lacks the route's scope (no scope implies another). Unknown records answer
//! 404; invalid bodies 400 (not a JSON object) or 422 with `details`, one line
//! per problem. [`routes`] lists every route and its scope; the paths of
//! products, customers, pages and settings follow Finqu's REST shape but are
//! not public Finqu documentation.
//!
//! | route | requires |
//! |---|---|
//! | `GET /orders` (filters `status`, `customer_id`), `GET /orders/{id}` | `orders_read` |
//! | `POST /orders`, `PUT /orders/{id}` | `orders_write` |
//! | `GET /products`, `GET /products/{id}` | `products_read` |
//! | `POST /products`, `PUT /products/{id}`, `DELETE /products/{id}` | `products_write` |
//! | `GET /customers`, `GET /customers/{id}` | `customers_read` |
//! | `POST /customers`, `PUT /customers/{id}` | `customers_write` |
//! | `GET /pages`, `GET /pages/{id}` | `content_read` |
//! | `POST /pages`, `PUT /pages/{id}`, `DELETE /pages/{id}` | `content_write` |
//! | `GET /settings` / `PUT /settings` | `settings_read` / `settings_write` |
//! | `GET /merchants/{merchant}/channels` | `sales_channel_read` |
//! | `GET …/channels/{channel}/themes`, `GET …/themes/{theme}/versions`, `GET …/versions/{version}/assets` | `themes_read` |
//! | `PUT …/versions/{version}/assets`, `DELETE …/assets?asset[key]=`, `PUT …/assets/compile` | `themes_write` |
//! | `GET /webhooks`, `GET /webhooks/{id}`, `POST /webhooks`, `DELETE /webhooks/{id}` | any valid token (Finqu documents no webhook scope) |
//!
//! Lists answer a bare JSON array. They paginate with `page` (from 1) and
//! `limit` (default [`DEFAULT_PAGE_LIMIT`], at most [`MAX_PAGE_LIMIT`]; a
//! value out of range answers 422), and send `X-Pagination-Count` (pages),
//! `X-Pagination-Page`, `X-Pagination-Limit`, `X-Result-Count` (items) and
//! an RFC 8288 `Link` with absolute `next` (not on the last page), `prev` (not
//! on the first), `first` and `last`. An empty list has 0 pages, and `first`
//! and `last` point at page 1. Creating answers 201, deleting 204.
//!
//! Seeded: [`DEFAULT_PRODUCTS`] products, [`DEFAULT_ORDERS`] orders (statuses
//! `pending`, `processing`, `fulfilled`, `cancelled` in turn),
//! [`DEFAULT_CUSTOMERS`] customers, [`DEFAULT_PAGES`] pages, one settings
//! object, channels 1 and 2 with themes 10, 11 (channel 1) and 20 (channel 2),
//! versions 100, 101 (theme 10), 110 and 200, four assets each, and no
//! webhooks. Ids count from 1.
//!
//! # Faults and counters
//!
//! [`FakeFinqu::fail_next`] makes the next N requests to a route fail with a
//! [`Fault`]: a status, 429 with `Retry-After` in seconds or as an HTTP date,
//! malformed JSON, an oversize body, a delay, a dropped connection.
//! [`FakeFinqu::count`] and [`FakeFinqu::refresh_count`] tell how many
//! requests a route or grant type received, to prove single-flight refresh and
//! that no POST was sent twice. Routes are named by keys such as
//! `"POST /orders"` and `"POST /oauth2/access_token"` ([`Route::key`]).
//!
//! # HTTP control plane
//!
//! The same controls, for tools in any language, under `/__testkit` (no
//! authentication; loopback only):
//!
//! | request | effect |
//! |---|---|
//! | `GET /__testkit/info` | URLs, client and merchant ([`FakeFinqu::info`]) |
//! | `GET /__testkit/routes` | the route table with scopes |
//! | `POST /__testkit/faults` `{"route": "POST /orders", "times": 2, "fault": {"kind": "status", "status": 503}}` | queue faults (204; 422 on an unknown route) |
//! | `DELETE /__testkit/faults` | drop queued faults |
//! | `GET /__testkit/counters` | `{"routes": {"POST /orders": 2}, "grants": {"refresh_token": 1}}` |
//! | `DELETE /__testkit/counters` | reset counters |
//! | `POST /__testkit/tokens` `{"scope": "orders_read"}` | mint tokens, answered like the token endpoint |
//! | `POST /__testkit/expire-tokens` | expire every access token |
//! | `POST /__testkit/revoke` `{"refresh_token": "…"}` | revoke one refresh token (204, or 404) |
//! | `POST /__testkit/deny-next-authorization` | the next authorization answers `access_denied` |
//!
//! Fault kinds: `{"kind": "status", "status": 500}`, `{"kind":
//! "too_many_requests", "retry_after_seconds": 2}` or `"retry_after_http_date":
//! "Sun, 06 Nov 1994 08:49:37 GMT"` (or neither), `{"kind": "malformed_json"}`,
//! `{"kind": "oversize_body", "bytes": 1048576}`, `{"kind": "delay", "millis":
//! 250}`, `{"kind": "drop_connection"}`.

#![forbid(unsafe_code)]

mod api;
mod config;
mod conn;
mod control;
mod counters;
mod error;
mod fake;
mod faults;
mod identity;
mod jwt;
mod oauth;
mod observe;
mod ops;
mod pagination;
mod pkce;
mod random;
mod routes;
mod scope;
mod server;
mod state;
mod store;
mod time;

pub use config::{
    API_VERSION, Builder, CODE_TTL, DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, DEFAULT_CUSTOMERS,
    DEFAULT_MERCHANT_ID, DEFAULT_MERCHANT_NAME, DEFAULT_ORDERS, DEFAULT_PAGES, DEFAULT_PRODUCTS,
    DEFAULT_REDIRECT_URI, DEFAULT_TOKEN_TTL, ResourceShape,
};
pub use control::CONTROL_PREFIX;
pub use fake::FakeFinqu;
pub use faults::{Fault, RetryAfter};
pub use identity::{Merchant, TestClient, Tokens};
pub use pagination::{DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT};
pub use routes::{Requires, Route, Server, routes};
pub use store::Collection;

/// The README's examples run as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctests;
