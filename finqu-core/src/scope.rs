//! OAuth scopes as types.

/// An OAuth scope, as a marker type that knows its name on the wire.
///
/// Built-in scopes live in [`scopes`](crate::scopes); declare your own with
/// [`scope!`](crate::scope!), which also checks the name's shape at compile time.
///
/// ```
/// use finqu_core::{Scope, scopes::OrdersWrite};
///
/// assert_eq!(OrdersWrite::NAME, "orders_write");
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a Finqu scope",
    label = "not a scope type",
    note = "name a built-in scope from `finqu_core::scopes`, or declare one of your own with `scope!(pub {Self} = \"resource_permission\")`"
)]
pub trait Scope: Send + Sync + 'static {
    /// The scope's name on the wire, such as `orders_write`.
    const NAME: &'static str;
}
