//! `POST /oauth2/access_token`: the `authorization_code` and `refresh_token` grants.

use std::time::Instant;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde_json::json;

use super::error::OAuthError;
use super::params::Params;
use crate::state::AppState;

pub(crate) async fn token(
    State(app): State<AppState>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    match exchange(&app, &headers, &body) {
        Ok(response) => response,
        Err(error) => error.into_response(),
    }
}

fn exchange(app: &AppState, headers: &HeaderMap, body: &[u8]) -> Result<Response, OAuthError> {
    let form_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| {
            v.trim_start()
                .to_ascii_lowercase()
                .starts_with("application/x-www-form-urlencoded")
        });
    if !form_type {
        return Err(OAuthError::invalid_request(
            "the body must be application/x-www-form-urlencoded",
        ));
    }
    let params = Params::parse(body);
    if let Some(repeated) = params.first_repeated() {
        return Err(OAuthError::invalid_request(format!(
            "{} was sent more than once",
            repeated.0
        )));
    }
    let get = |name| params.get(name).ok().flatten();
    let client_id = authenticate(app, headers, get("client_id"), get("client_secret"))?;
    match get("grant_type") {
        None => Err(OAuthError::invalid_request("grant_type is required")),
        Some("authorization_code") => redeem_code(app, &client_id, &get),
        Some("refresh_token") => refresh(app, &client_id, &get),
        Some(other) => Err(OAuthError::new(
            "unsupported_grant_type",
            format!("grant_type {other} is not supported"),
        )),
    }
}

/// The client id, once the client proved who it is by HTTP Basic (RFC 6749
/// §2.3.1, form-urlencoded parts) or by `client_id` and `client_secret` in the body.
fn authenticate(
    app: &AppState,
    headers: &HeaderMap,
    form_id: Option<&str>,
    form_secret: Option<&str>,
) -> Result<String, OAuthError> {
    let basic = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("basic"))
        .map(|(_, credentials)| decode_basic(credentials.trim()));
    let (id, secret) = match basic {
        Some(_) if form_secret.is_some() => {
            return Err(OAuthError::invalid_request(
                "use one client authentication method, not HTTP Basic and client_secret both",
            ));
        }
        Some(None) => {
            return Err(OAuthError::invalid_client(
                "malformed HTTP Basic credentials",
            ));
        }
        Some(Some((id, secret))) => {
            if form_id.is_some_and(|f| f != id) {
                return Err(OAuthError::invalid_client(
                    "client_id differs from the HTTP Basic user",
                ));
            }
            (id, secret)
        }
        None => match (form_id, form_secret) {
            (Some(id), Some(secret)) => (id.to_owned(), secret.to_owned()),
            (Some(_), None) => return Err(OAuthError::invalid_client("client_secret is missing")),
            (None, _) => {
                return Err(OAuthError::invalid_client(
                    "client authentication is missing",
                ));
            }
        },
    };
    if id != app.client.id || secret != app.client.secret {
        return Err(OAuthError::invalid_client(
            "unknown client or wrong client secret",
        ));
    }
    Ok(id)
}

/// `base64(urlencode(id) ":" urlencode(secret))`
fn decode_basic(credentials: &str) -> Option<(String, String)> {
    let decoded = String::from_utf8(STANDARD.decode(credentials).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    let unescape = |s: &str| {
        percent_encoding::percent_decode_str(&s.replace('+', " "))
            .decode_utf8()
            .ok()
            .map(std::borrow::Cow::into_owned)
    };
    Some((unescape(id)?, unescape(secret)?))
}

fn redeem_code<'a>(
    app: &AppState,
    client_id: &str,
    get: &impl Fn(&'static str) -> Option<&'a str>,
) -> Result<Response, OAuthError> {
    let code = get("code").ok_or_else(|| OAuthError::invalid_request("code is required"))?;
    let redirect_uri = get("redirect_uri")
        .ok_or_else(|| OAuthError::invalid_request("redirect_uri is required"))?;
    let mut inner = app.lock();
    let auth = &mut inner.auth;
    let Some(record) = auth.codes.get(code) else {
        return Err(OAuthError::invalid_grant(
            "the authorization code is not valid",
        ));
    };
    if let Some((jti, refresh)) = &record.redeemed {
        // RFC 6749 §4.1.2: a replayed code revokes what it was exchanged for.
        let (jti, refresh) = (jti.clone(), refresh.clone());
        auth.access.remove(&jti);
        auth.refresh.remove(&refresh);
        return Err(OAuthError::invalid_grant(
            "the authorization code was already used",
        ));
    }
    if Instant::now() >= record.expires_at {
        auth.codes.remove(code);
        return Err(OAuthError::invalid_grant(
            "the authorization code has expired",
        ));
    }
    if record.client_id != client_id {
        return Err(OAuthError::invalid_grant(
            "the authorization code was issued to another client",
        ));
    }
    if record.redirect_uri != redirect_uri {
        return Err(OAuthError::invalid_grant(
            "redirect_uri differs from the one of the authorization request",
        ));
    }
    match (&record.challenge, get("code_verifier")) {
        (Some(challenge), Some(verifier)) if crate::pkce::verify(verifier, challenge) => {}
        (Some(_), Some(_)) => {
            return Err(OAuthError::invalid_grant(
                "code_verifier does not match the code_challenge",
            ));
        }
        (Some(_), None) => return Err(OAuthError::invalid_grant("code_verifier is required")),
        (None, Some(_)) => {
            return Err(OAuthError::invalid_grant(
                "code_verifier sent, but the authorization request had no code_challenge",
            ));
        }
        (None, None) => {}
    }
    let scope = record.scope.clone();
    let (tokens, jti) = app
        .issue(auth, client_id, &scope, &scope)
        .map_err(|_| OAuthError::new("server_error", "could not sign the access token"))?;
    if let Some(record) = auth.codes.get_mut(code) {
        record.redeemed = Some((jti, tokens.refresh_token.clone()));
    }
    drop(inner);
    Ok(success(
        app,
        &tokens.access_token,
        Some(&tokens.refresh_token),
        &tokens.scope,
    ))
}

fn refresh<'a>(
    app: &AppState,
    client_id: &str,
    get: &impl Fn(&'static str) -> Option<&'a str>,
) -> Result<Response, OAuthError> {
    let old = get("refresh_token")
        .ok_or_else(|| OAuthError::invalid_request("refresh_token is required"))?;
    let mut inner = app.lock();
    let auth = &mut inner.auth;
    let Some(record) = auth.refresh.get(old) else {
        return Err(OAuthError::invalid_grant(
            "the refresh token is invalid, revoked or already used",
        ));
    };
    if record.client_id != client_id {
        return Err(OAuthError::invalid_grant(
            "the refresh token was issued to another client",
        ));
    }
    let grant = record.scope.clone();
    // RFC 6749 §6: a narrower scope may be asked for, never a wider one.
    let scope = match get("scope").map(crate::scope::parse) {
        None => grant.clone(),
        Some(Err(why)) => return Err(OAuthError::invalid_scope(why)),
        Some(Ok(asked)) => {
            if let Some(extra) = asked.iter().find(|s| !crate::scope::contains(&grant, s)) {
                return Err(OAuthError::invalid_scope(format!(
                    "{extra} was not granted"
                )));
            }
            asked.join(" ")
        }
    };
    let signing_failed = |_| OAuthError::new("server_error", "could not sign the access token");
    let (access, _) = app
        .access_token(auth, client_id, &scope)
        .map_err(signing_failed)?;
    let rotated = if app.config.rotate_refresh_tokens {
        auth.refresh.remove(old);
        Some(app.refresh_token(auth, client_id, &grant))
    } else {
        None
    };
    drop(inner);
    Ok(success(app, &access, rotated.as_deref(), &scope))
}

/// RFC 6749 §5.1; `refresh_token` only when there is one to hand out.
fn success(app: &AppState, access: &str, refresh: Option<&str>, scope: &str) -> Response {
    let mut body = json!({
        "access_token": access,
        "token_type": "Bearer",
        "expires_in": app.expires_in(),
    });
    if app.config.token_scope {
        body["scope"] = scope.into();
    }
    if let Some(refresh) = refresh {
        body["refresh_token"] = refresh.into();
    }
    let mut response = Json(body).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    headers.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    response
}
