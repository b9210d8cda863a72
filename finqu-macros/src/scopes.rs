//! The built-in Finqu scopes: the one table that both the generated scope
//! marker types in finqu-core and the macros' name checks are made from.

/// One built-in scope.
pub(crate) struct BuiltinScope {
    /// The name on the wire, e.g. `orders_write`.
    pub(crate) wire: &'static str,
    /// The marker type's name in `finqu_core::scopes`, e.g. `OrdersWrite`.
    pub(crate) type_name: &'static str,
    /// What the scope lets a token do.
    pub(crate) doc: &'static str,
    /// Where the scope is documented.
    pub(crate) source: &'static str,
}

const REFERENCE: &str = "Finqu's REST API reference (scope reference)";
const CLI: &str = "Finqu's command-line client";

/// Every scope that finqu-core ships a marker type for.
pub(crate) const BUILTIN_SCOPES: &[BuiltinScope] = &[
    scope(
        "products_read",
        "ProductsRead",
        "View products and variants.",
        REFERENCE,
    ),
    scope(
        "products_write",
        "ProductsWrite",
        "Create and modify products.",
        REFERENCE,
    ),
    scope("orders_read", "OrdersRead", "View orders.", REFERENCE),
    scope(
        "orders_write",
        "OrdersWrite",
        "Create and modify orders.",
        REFERENCE,
    ),
    scope(
        "customers_read",
        "CustomersRead",
        "View customer information.",
        REFERENCE,
    ),
    scope(
        "customers_write",
        "CustomersWrite",
        "Create and modify customer data.",
        REFERENCE,
    ),
    scope(
        "content_read",
        "ContentRead",
        "View content pages and blocks.",
        REFERENCE,
    ),
    scope(
        "content_write",
        "ContentWrite",
        "Create and modify content.",
        REFERENCE,
    ),
    scope(
        "settings_read",
        "SettingsRead",
        "View store settings.",
        REFERENCE,
    ),
    scope(
        "settings_write",
        "SettingsWrite",
        "Modify store settings.",
        REFERENCE,
    ),
    scope(
        "themes_read",
        "ThemesRead",
        "View themes, their versions and assets.",
        CLI,
    ),
    scope(
        "themes_write",
        "ThemesWrite",
        "Upload, delete and compile theme assets.",
        CLI,
    ),
    scope(
        "sales_channel_read",
        "SalesChannelRead",
        "View the merchant's sales channels.",
        CLI,
    ),
];

const fn scope(
    wire: &'static str,
    type_name: &'static str,
    doc: &'static str,
    source: &'static str,
) -> BuiltinScope {
    BuiltinScope {
        wire,
        type_name,
        doc,
        source,
    }
}

/// The built-in scope with this wire name.
pub(crate) fn builtin(wire: &str) -> Option<&'static BuiltinScope> {
    BUILTIN_SCOPES.iter().find(|s| s.wire == wire)
}

/// The built-in scope whose name is closest to `wire`, when one is close enough
/// to be a likely typo.
pub(crate) fn closest(wire: &str) -> Option<&'static BuiltinScope> {
    BUILTIN_SCOPES
        .iter()
        .map(|s| (strsim::jaro_winkler(wire, s.wire), s))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| s)
}

/// Whether `name` has Finqu's scope shape: `resource_permission`, lowercase
/// ASCII letters, digits and underscores, at least one underscore that is
/// neither first nor last.
///
/// The one definition of the rule: `scope!`, `grant!` and `#[finqu_endpoint]` all use it.
pub(crate) fn is_well_formed(name: &str) -> bool {
    let bytes = name.as_bytes();
    !bytes.is_empty()
        && bytes
            .iter()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || *b == b'_')
        && bytes[0].is_ascii_lowercase()
        && bytes[bytes.len() - 1] != b'_'
        && bytes.contains(&b'_')
        && !name.contains("__")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_builtin_is_well_formed_and_unique() {
        for (i, s) in BUILTIN_SCOPES.iter().enumerate() {
            assert!(is_well_formed(s.wire), "{}", s.wire);
            assert!(
                BUILTIN_SCOPES[i + 1..]
                    .iter()
                    .all(|t| t.wire != s.wire && t.type_name != s.type_name)
            );
        }
    }

    #[test]
    fn shapes() {
        for good in ["orders_read", "sales_channel_read", "gift_cards2_write"] {
            assert!(is_well_formed(good), "{good}");
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
            assert!(!is_well_formed(bad), "{bad}");
        }
    }

    #[test]
    fn suggestions() {
        assert_eq!(closest("order_write").map(|s| s.wire), Some("orders_write"));
        assert_eq!(
            closest("product_read").map(|s| s.wire),
            Some("products_read")
        );
        assert_eq!(
            closest("settings_raed").map(|s| s.wire),
            Some("settings_read")
        );
        assert!(closest("gift_cards_read").is_none());
    }
}
