//! # finqu
//!
//! Call the [Finqu](https://www.finqu.com) e-commerce REST API with the OAuth
//! scopes each call needs checked **at compile time**.
//!
//! This facade re-exports the workspace's crates; depend on it alone.
//!
//! - [`finqu_endpoint`] declares an endpoint on a request struct.
//! - [`grant!`] declares the scopes an application's token holds.
//! - [`Client`] sends endpoints, and only those the grant allows.
//! - [`auth`] runs the OAuth 2.0 flow that yields a token for the grant.
//!
//! ```
//! use finqu::{Authorized, Grant, finqu_endpoint, grant};
//!
//! #[derive(Debug, serde::Deserialize)]
//! pub struct Order { pub id: u64 }
//!
//! #[finqu_endpoint(method = GET, path = "/orders/{id}", scope = "orders_read", response = Order)]
//! pub struct GetOrder { pub id: u64 }
//!
//! grant!(pub Reporting = "orders_read");
//!
//! fn check<G: Grant, E: Authorized<G>>() {}
//! check::<Reporting, GetOrder>();
//! ```

pub mod api;

pub use finqu_auth as auth;
pub use finqu_core::{
    AccessToken, ApiError, Authorized, Client, EncodeError, Endpoint, Error, Grant, Grants, Method,
    MissingScopes, Paginated, PathParam, ResponseBody, Scope, TokenError, TokenSource,
    is_valid_scope_name, missing_scopes, scope, scopes, verify_grant,
};

#[doc = include_str!("../finqu-core/docs/finqu_endpoint.md")]
pub use finqu_macros::finqu_endpoint_via_facade as finqu_endpoint;

#[doc = include_str!("../finqu-core/docs/grant.md")]
pub use finqu_macros::grant_via_facade as grant;

#[doc(hidden)]
pub use finqu_core::__private;
