//! Grants: the set of scopes an application's token holds, as a type.

use std::fmt;

use crate::Scope;

/// A grant: the scopes an application asks for and its token holds.
///
/// Declare one with [`grant!`](crate::grant!); it implements [`Grants<S>`] for
/// each scope `S` it lists. The same type drives the `scope` parameter of the
/// authorize request ([`Grant::scope_param`]) and the check of what the token
/// response reports ([`verify_grant`]).
///
/// ```
/// use finqu_core::{Grant, grant};
///
/// grant!(pub ShopSync = "orders_read orders_write products_read");
///
/// assert_eq!(ShopSync::scope_names(), ["orders_read", "orders_write", "products_read"]);
/// assert_eq!(ShopSync::scope_param(), "orders_read orders_write products_read");
/// ```
pub trait Grant: Send + Sync + 'static {
    /// The scopes' wire names, in the order the grant lists them.
    const SCOPES: &'static [&'static str];

    /// The scopes' wire names, without duplicates, in the order first listed.
    fn scope_names() -> Vec<&'static str> {
        let mut names: Vec<&'static str> = Vec::with_capacity(Self::SCOPES.len());
        for name in Self::SCOPES {
            if !names.contains(name) {
                names.push(name);
            }
        }
        names
    }

    /// The `scope` parameter of the authorize request: the names, space-separated.
    fn scope_param() -> String {
        Self::scope_names().join(" ")
    }
}

/// Proof that a grant holds the scope `S`.
///
/// Sending an endpoint needs `Grants<S>` for each of its scopes, so a missing
/// scope is a compile error that names the grant and the scope.
///
/// ```
/// use finqu_core::{Grants, grant, scopes::OrdersRead};
///
/// grant!(pub Reporting = "orders_read");
///
/// // A function for every grant that can read orders.
/// fn needs_orders<G: Grants<OrdersRead>>() {}
/// needs_orders::<Reporting>();
/// ```
#[diagnostic::on_unimplemented(
    message = "the token grant `{Self}` does not include the scope `{S}`",
    label = "needs the scope `{S}`, which `{Self}` does not hold",
    note = "add `{S}` to the scopes listed where `{Self}` is declared with `grant!`; the merchant must then authorize the app again for the wider grant"
)]
pub trait Grants<S: Scope>: Grant {}

/// The scopes a grant needs that a token response did not report.
///
/// Returned by [`verify_grant`]; its `Display` names the grant and each
/// missing scope (scope names are not secrets).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct MissingScopes {
    /// The grant type's name.
    pub grant: &'static str,
    /// The scopes the grant needs and the token lacks, in the grant's order.
    pub missing: Vec<&'static str>,
    /// The scopes the token response reported.
    pub granted: Vec<String>,
}

impl fmt::Display for MissingScopes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the merchant granted fewer scopes than `{}` needs: missing ",
            self.grant
        )?;
        write_list(f, self.missing.iter().copied())?;
        f.write_str(" (granted: ")?;
        write_list(f, self.granted.iter().map(String::as_str))?;
        f.write_str(")")
    }
}

fn write_list<'a>(f: &mut fmt::Formatter<'_>, names: impl Iterator<Item = &'a str>) -> fmt::Result {
    let mut any = false;
    for (i, name) in names.enumerate() {
        any = true;
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "`{name}`")?;
    }
    if !any {
        f.write_str("none")?;
    }
    Ok(())
}

impl std::error::Error for MissingScopes {}

/// The scopes of grant `G` that a token response's `scope` field lacks.
///
/// `granted` is the field as received: space-separated names, in any order,
/// with any amount of whitespace. `None` (the field is absent) means the
/// server granted exactly what was asked (RFC 6749 §5.1), so nothing is
/// missing. Scopes granted beyond the grant's are ignored.
///
/// ```
/// use finqu_core::{grant, missing_scopes};
///
/// grant!(pub ShopSync = "orders_read orders_write");
///
/// assert_eq!(missing_scopes::<ShopSync>(Some("orders_read")), ["orders_write"]);
/// assert!(missing_scopes::<ShopSync>(Some("orders_write  orders_read products_read")).is_empty());
/// assert!(missing_scopes::<ShopSync>(None).is_empty());
/// ```
pub fn missing_scopes<G: Grant>(granted: Option<&str>) -> Vec<&'static str> {
    let Some(granted) = granted else {
        return Vec::new();
    };
    let granted: Vec<&str> = granted.split_ascii_whitespace().collect();
    G::scope_names()
        .into_iter()
        .filter(|needed| !granted.contains(needed))
        .collect()
}

/// Checks a token response's `scope` field against grant `G`.
///
/// # Errors
///
/// [`MissingScopes`] when the token holds fewer scopes than `G` lists.
///
/// ```
/// use finqu_core::{grant, verify_grant};
///
/// grant!(pub ShopSync = "orders_read orders_write");
///
/// let err = verify_grant::<ShopSync>(Some("orders_read")).unwrap_err();
/// assert_eq!(err.missing, ["orders_write"]);
/// assert!(err.to_string().contains("`orders_write`"));
/// ```
pub fn verify_grant<G: Grant>(granted: Option<&str>) -> Result<(), MissingScopes> {
    let missing = missing_scopes::<G>(granted);
    if missing.is_empty() {
        return Ok(());
    }
    Err(MissingScopes {
        grant: short_type_name::<G>(),
        missing,
        granted: granted
            .unwrap_or_default()
            .split_ascii_whitespace()
            .map(str::to_owned)
            .collect(),
    })
}

/// `my_app::grants::ShopSync` → `ShopSync`.
fn short_type_name<T>() -> &'static str {
    let full = std::any::type_name::<T>();
    full.rsplit("::").next().unwrap_or(full)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::grant;

    grant!(ShopSync = "orders_read orders_write");
    grant!(Empty = "products_read");

    #[test]
    fn narrower_grant_reports_what_is_missing() {
        assert_eq!(
            missing_scopes::<ShopSync>(Some("orders_read")),
            ["orders_write"]
        );
        assert_eq!(
            missing_scopes::<ShopSync>(Some("")),
            ["orders_read", "orders_write"]
        );
        assert_eq!(
            missing_scopes::<ShopSync>(Some("products_read")),
            ["orders_read", "orders_write"]
        );
    }

    #[test]
    fn wider_grant_is_enough() {
        assert!(
            missing_scopes::<ShopSync>(Some("products_read orders_write orders_read")).is_empty()
        );
    }

    #[test]
    fn absent_scope_means_granted_as_requested() {
        assert!(missing_scopes::<ShopSync>(None).is_empty());
        assert!(verify_grant::<ShopSync>(None).is_ok());
    }

    #[test]
    fn duplicated_and_spaced_names_are_tolerated() {
        assert!(
            missing_scopes::<ShopSync>(Some("  orders_read\torders_read   orders_write \n"))
                .is_empty()
        );
        assert_eq!(
            missing_scopes::<ShopSync>(Some("orders_write orders_write")),
            ["orders_read"]
        );
    }

    #[test]
    fn prefixes_and_case_do_not_count() {
        assert_eq!(
            missing_scopes::<Empty>(Some("products_reader PRODUCTS_READ products")),
            ["products_read"]
        );
    }

    #[test]
    fn error_names_grant_and_scopes() {
        let err = verify_grant::<ShopSync>(Some("orders_read")).unwrap_err();
        assert_eq!(err.grant, "ShopSync");
        assert_eq!(
            err.to_string(),
            "the merchant granted fewer scopes than `ShopSync` needs: missing `orders_write` (granted: `orders_read`)"
        );
        let none = verify_grant::<ShopSync>(Some(" ")).unwrap_err();
        assert!(none.to_string().ends_with("(granted: none)"), "{none}");
    }

    #[test]
    fn scope_names_are_deduplicated_in_order() {
        struct Dup;
        impl Grant for Dup {
            const SCOPES: &'static [&'static str] = &["b_read", "a_read", "b_read"];
        }
        assert_eq!(Dup::scope_names(), ["b_read", "a_read"]);
        assert_eq!(Dup::scope_param(), "b_read a_read");
    }
}
