//! The merchant API: scope guard, JSON bodies and the handlers per resource.

mod body;
pub(crate) mod guard;
pub(crate) mod rest;
pub(crate) mod settings;
pub(crate) mod themes;

use axum::http::Uri;

/// The decoded query pairs of `uri`, in order.
pub(crate) fn query_pairs(uri: &Uri) -> Vec<(String, String)> {
    url::form_urlencoded::parse(uri.query().unwrap_or_default().as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect()
}
