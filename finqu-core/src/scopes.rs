//! The scopes Finqu documents, as marker types.
//!
//! The first ten are in Finqu's REST API reference; `themes_*` and
//! `sales_channel_read` are used by Finqu's own command-line client. The list
//! is not complete: declare others with [`scope!`](crate::scope!).
//!
//! ```
//! use finqu_core::{Scope, scopes};
//!
//! assert_eq!(scopes::SalesChannelRead::NAME, "sales_channel_read");
//! assert!(scopes::ALL.contains(&"orders_write"));
//! ```

finqu_macros::__builtin_scopes!();
