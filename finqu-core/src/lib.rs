//! The core of finqu-rs: Finqu API endpoints whose OAuth scopes are checked
//! at compile time.
//!
//! - A [`Scope`] is a marker type with its wire name; [`scopes`] has Finqu's,
//!   and [`scope!`] declares more.
//! - A [`Grant`] lists the scopes an application's token holds; declare one
//!   with [`grant!`]. It implements [`Grants<S>`] for each scope `S`.
//! - [`#[finqu_endpoint]`](finqu_endpoint) turns a request struct into an
//!   [`Endpoint`] and implements [`Authorized<G>`] for every grant `G` that
//!   holds its scopes.
//! - [`Client<G>::send`](Client::send) compiles only for those endpoints.
//!
//! ```
//! use finqu_core::{Authorized, Endpoint, Method, finqu_endpoint, grant};
//! use serde::{Deserialize, Serialize};
//!
//! #[derive(Debug, Deserialize)]
//! pub struct Order { pub id: u64, pub status: String }
//!
//! #[derive(Serialize)]
//! pub struct OrderItem { pub product_id: u64, pub quantity: u32 }
//!
//! /// Create an order.
//! #[finqu_endpoint(method = POST, path = "/orders", scope = "orders_write", response = Order)]
//! pub struct CreateOrder { pub customer_id: String, pub items: Vec<OrderItem> }
//!
//! // What this application's token holds.
//! grant!(pub ShopSync = "orders_read orders_write");
//!
//! fn sendable<G, E: Authorized<G>>(_: &E) where G: finqu_core::Grant {}
//! let create = CreateOrder { customer_id: "c-1".into(), items: vec![OrderItem { product_id: 7, quantity: 2 }] };
//! sendable::<ShopSync, _>(&create);
//! assert_eq!(CreateOrder::METHOD, Method::Post);
//! assert_eq!(create.body().unwrap().unwrap(), br#"{"customer_id":"c-1","items":[{"product_id":7,"quantity":2}]}"#);
//! ```
//!
//! With a grant that lacks `orders_write`, the same call does not compile:
//!
//! ```compile_fail
//! # use finqu_core::{Authorized, finqu_endpoint, grant};
//! # #[derive(serde::Deserialize)] pub struct Order { pub id: u64 }
//! #[finqu_endpoint(method = POST, path = "/orders", scope = "orders_write", response = Order)]
//! pub struct CreateOrder { pub customer_id: String }
//!
//! grant!(pub ReadOnly = "orders_read");
//!
//! fn sendable<G: finqu_core::Grant, E: Authorized<G>>(_: &E) {}
//! // error: the token grant `ReadOnly` does not include the scope `OrdersWrite`
//! sendable::<ReadOnly, _>(&CreateOrder { customer_id: "c-1".into() });
//! ```

// Generated code names `::finqu_core`, which this crate's own tests use too.
extern crate self as finqu_core;

mod client;
mod encode;
mod endpoint;
mod error;
mod grant;
mod page;
mod retry;
mod scope;
pub mod scopes;
mod token;

pub use client::{Client, ClientBuilder, DEFAULT_MAX_BODY};
pub use encode::{EncodeError, PathParam, PathWriter, QueryWriter};
pub use endpoint::{Authorized, Endpoint, Method, Paginated, ResponseBody};
pub use error::{ApiError, Error};
pub use grant::{Grant, Grants, MissingScopes, missing_scopes, verify_grant};
pub use page::{MAX_PAGE_LIMIT, Page};
pub use retry::RetryPolicy;
pub use scope::Scope;
pub use token::{AccessToken, TokenError, TokenSource};

#[doc = include_str!("../docs/finqu_endpoint.md")]
pub use finqu_macros::finqu_endpoint;

#[doc = include_str!("../docs/grant.md")]
pub use finqu_macros::grant;

#[doc = include_str!("../docs/scope.md")]
pub use finqu_macros::scope;

/// What generated code names. Not public API: it may change in any release.
#[doc(hidden)]
pub mod __private {
    pub use crate::encode::{EncodeError, PathWriter, QueryWriter, json_body};
    pub use crate::endpoint::{Authorized, Endpoint, Method, Paginated};
    pub use crate::grant::{Grant, Grants};
    pub use crate::scope::Scope;
    pub use crate::scopes;
    pub use core::marker::PhantomData;
    pub use core::option::Option;
    pub use core::result::Result::{self, Ok};
    pub use serde;
    pub use std::vec::Vec;
}
