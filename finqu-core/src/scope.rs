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

/// Declares a scope marker type of your own, for scopes that Finqu grants but
/// finqu-core has no built-in type for.
///
/// The name must have Finqu's `resource_permission` shape (lowercase ASCII
/// letters, digits and single underscores); anything else fails to compile.
///
/// ```
/// finqu_core::scope! {
///     /// Read gift cards.
///     pub GiftCardsRead = "gift_cards_read"
/// }
///
/// use finqu_core::Scope;
/// assert_eq!(GiftCardsRead::NAME, "gift_cards_read");
/// ```
///
/// A malformed name is a compile error:
///
/// ```compile_fail
/// finqu_core::scope!(pub Bad = "Gift-Cards");
/// ```
#[macro_export]
macro_rules! scope {
    ($(#[$meta:meta])* $vis:vis $name:ident = $wire:literal $(;)?) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
        $vis struct $name;

        impl $crate::Scope for $name {
            const NAME: &'static str = $wire;
        }

        const _: () = ::core::assert!(
            $crate::__private::is_valid_scope_name($wire),
            ::core::concat!(
                "malformed scope name `", $wire,
                "`: Finqu scopes are `resource_permission` in lowercase, such as `orders_write`"
            )
        );
    };
}

/// Whether `name` has Finqu's scope shape: `resource_permission`, lowercase
/// ASCII letters, digits and single underscores, starting with a letter.
///
/// ```
/// assert!(finqu_core::is_valid_scope_name("sales_channel_read"));
/// assert!(!finqu_core::is_valid_scope_name("Orders-Read"));
/// ```
pub const fn is_valid_scope_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    if bytes.is_empty() || !bytes[0].is_ascii_lowercase() || bytes[bytes.len() - 1] == b'_' {
        return false;
    }
    let mut underscores = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'_' {
            if bytes[i - 1] == b'_' {
                return false;
            }
            underscores += 1;
        } else if !(b.is_ascii_lowercase() || b.is_ascii_digit()) {
            return false;
        }
        i += 1;
    }
    underscores > 0
}

#[cfg(test)]
mod tests {
    use super::is_valid_scope_name;

    #[test]
    fn scope_name_shapes() {
        for good in ["orders_read", "sales_channel_read", "gift_cards2_write"] {
            assert!(is_valid_scope_name(good), "{good}");
        }
        for bad in [
            "",
            "orders",
            "Orders_read",
            "orders-read",
            "_orders",
            "orders_",
            "orders__read",
            "1orders_read",
            "orders read",
        ] {
            assert!(!is_valid_scope_name(bad), "{bad}");
        }
    }
}
