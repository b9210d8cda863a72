//! Scope strings: space-separated `resource_permission` tokens.

/// Whether `token` has the form `resource_permission`: lowercase ASCII letters
/// and digits in at least two `_`-separated parts, e.g. `sales_channel_read`.
pub(crate) fn is_valid_token(token: &str) -> bool {
    let mut parts = 0;
    for part in token.split('_') {
        if part.is_empty()
            || !part
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        {
            return false;
        }
        parts += 1;
    }
    parts >= 2 && token.as_bytes()[0].is_ascii_lowercase()
}

/// The tokens of `scope`, in order and without duplicates, or a reason why the
/// string is not a valid scope (empty, a double space, a malformed token).
pub(crate) fn parse(scope: &str) -> Result<Vec<String>, String> {
    if scope.is_empty() {
        return Err("scope is empty".to_owned());
    }
    let mut out: Vec<String> = Vec::new();
    for token in scope.split(' ') {
        if !is_valid_token(token) {
            return Err(format!(
                "scope token {token:?} is not of the form resource_permission"
            ));
        }
        if !out.iter().any(|t| t == token) {
            out.push(token.to_owned());
        }
    }
    Ok(out)
}

/// Whether the space-separated `scope` contains `wanted`.
pub(crate) fn contains(scope: &str, wanted: &str) -> bool {
    scope.split(' ').any(|t| t == wanted)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_resource_permission_tokens() {
        assert_eq!(
            parse("orders_read sales_channel_read orders_read").unwrap(),
            ["orders_read", "sales_channel_read"]
        );
        assert!(is_valid_token("v2_read"));
    }

    #[test]
    fn rejects_malformed_scopes() {
        for bad in [
            "",
            "orders",
            "orders_read  products_read",
            "Orders_read",
            "_orders_read",
            "orders__read",
            "orders_read,products_read",
            "2fa_read",
        ] {
            assert!(parse(bad).is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn contains_matches_whole_tokens() {
        assert!(contains("orders_read orders_write", "orders_write"));
        assert!(!contains("orders_read", "orders"));
    }
}
