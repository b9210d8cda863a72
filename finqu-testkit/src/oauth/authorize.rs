//! `GET /oauth2/authorize`: validate, consent automatically, redirect with a code.

use std::time::Instant;

use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};

use super::params::Params;
use crate::state::{AppState, CodeRecord};

/// An error shown to the user: the request cannot be trusted to redirect.
fn error_page(message: &str) -> Response {
    let page = format!(
        "<!doctype html><title>Authorization error</title><h1>Authorization error</h1><p>{message}</p>"
    );
    (StatusCode::BAD_REQUEST, Html(page)).into_response()
}

/// 302 to `redirect_uri` with `pairs` appended to its query.
fn redirect(redirect_uri: &str, pairs: &[(&str, &str)]) -> Response {
    let Ok(mut url) = url::Url::parse(redirect_uri) else {
        return error_page("the redirect_uri is not a valid URL");
    };
    url.query_pairs_mut().extend_pairs(pairs);
    let Ok(location) = HeaderValue::from_str(url.as_str()) else {
        return error_page("the redirect_uri is not a valid URL");
    };
    (
        StatusCode::FOUND,
        [
            (header::LOCATION, location),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
    )
        .into_response()
}

/// RFC 6749 §4.1.2.1: redirect with `error`, `error_description` and `state`.
fn redirect_error(
    redirect_uri: &str,
    error: &str,
    description: &str,
    state: Option<&str>,
) -> Response {
    let mut pairs = vec![("error", error), ("error_description", description)];
    if let Some(state) = state {
        pairs.push(("state", state));
    }
    redirect(redirect_uri, &pairs)
}

pub(crate) async fn authorize(State(app): State<AppState>, RawQuery(query): RawQuery) -> Response {
    let params = Params::parse(query.unwrap_or_default().as_bytes());
    // Until client and redirect URI are known good, errors are shown, not redirected.
    let client_id = match params.get("client_id") {
        Ok(Some(id)) => id,
        Ok(None) => return error_page("client_id is missing"),
        Err(_) => return error_page("client_id was sent more than once"),
    };
    if client_id != app.client.id {
        return error_page("client_id is not a registered client");
    }
    let redirect_uri = match params.get("redirect_uri") {
        Ok(Some(uri)) => uri,
        Ok(None) => return error_page("redirect_uri is missing"),
        Err(_) => return error_page("redirect_uri was sent more than once"),
    };
    if !app.client.redirect_uris.iter().any(|r| r == redirect_uri) {
        return error_page("redirect_uri does not exactly match a registered redirect URI");
    }
    // A repeated state is not echoed: which one would it be?
    let state = params.get("state").ok().flatten();
    let fail =
        |error: &str, description: &str| redirect_error(redirect_uri, error, description, state);
    if let Some(repeated) = params.first_repeated() {
        return fail(
            "invalid_request",
            &format!("{} was sent more than once", repeated.0),
        );
    }
    let get = |name| params.get(name).ok().flatten();
    let Some(state) = state else {
        return fail("invalid_request", "state is required");
    };
    match get("response_type") {
        None => return fail("invalid_request", "response_type is required"),
        Some("code") => {}
        Some(_) => {
            return fail(
                "unsupported_response_type",
                "only response_type=code is supported",
            );
        }
    }
    let requested = match get("scope").map(crate::scope::parse) {
        None => return fail("invalid_scope", "scope is required"),
        Some(Err(why)) => return fail("invalid_scope", &why),
        Some(Ok(scopes)) => scopes,
    };
    let challenge = match (get("code_challenge"), get("code_challenge_method")) {
        (None, None) if app.config.require_pkce => {
            return fail("invalid_request", "a PKCE code_challenge is required");
        }
        (None, None) => None,
        (None, Some(_)) => {
            return fail(
                "invalid_request",
                "code_challenge_method without code_challenge",
            );
        }
        (Some(_), None) => {
            return fail("invalid_request", "code_challenge_method=S256 is required");
        }
        (Some(_), Some(m)) if m != "S256" => {
            return fail(
                "invalid_request",
                "only code_challenge_method=S256 is supported",
            );
        }
        (Some(c), Some(_)) if !crate::pkce::is_well_formed(c) => {
            return fail(
                "invalid_request",
                "code_challenge must be 43 to 128 unreserved characters",
            );
        }
        (Some(c), Some(_)) => Some(c.to_owned()),
    };
    let granted: Vec<String> = match &app.config.grant_scopes {
        Some(allowed) => requested
            .into_iter()
            .filter(|s| crate::scope::contains(allowed, s))
            .collect(),
        None => requested,
    };
    let code = crate::random::token(32);
    {
        let mut inner = app.lock();
        if inner.auth.deny_next > 0 {
            inner.auth.deny_next -= 1;
            drop(inner);
            return fail("access_denied", "the user denied the request");
        }
        if granted.is_empty() {
            drop(inner);
            return fail(
                "access_denied",
                "the user granted none of the requested scopes",
            );
        }
        inner.auth.codes.insert(
            code.clone(),
            CodeRecord {
                client_id: client_id.to_owned(),
                redirect_uri: redirect_uri.to_owned(),
                scope: granted.join(" "),
                challenge,
                expires_at: Instant::now() + app.config.code_ttl,
                redeemed: None,
            },
        );
    }
    redirect(redirect_uri, &[("code", &code), ("state", state)])
}
