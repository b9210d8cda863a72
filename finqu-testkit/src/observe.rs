//! The middleware in front of every route: count the request, then apply a queued fault.

use axum::body::Body;
use axum::extract::{MatchedPath, Request, State};
use axum::middleware::Next;
use axum::response::Response;

use crate::counters::TOKEN_ROUTE;
use crate::state::AppState;

/// Token request bodies are read up to this size to count grant types.
const MAX_TOKEN_BODY: usize = 64 * 1024;

/// `METHOD /path/template` of a routed request, API paths without the versioned prefix.
pub(crate) fn route_key(state: &AppState, request: &Request) -> Option<String> {
    let path = request.extensions().get::<MatchedPath>()?.as_str();
    let path = path.strip_prefix(state.api_prefix.as_str()).unwrap_or(path);
    Some(format!("{} {path}", request.method()))
}

pub(crate) async fn observe(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    let Some(key) = route_key(&state, &request) else {
        return next.run(request).await;
    };
    let (request, grant_type) = if key == TOKEN_ROUTE {
        grant_type(request).await
    } else {
        (request, None)
    };
    let fault = {
        let mut inner = state.lock();
        inner.counters.count_route(&key);
        if let Some(grant_type) = grant_type {
            inner.counters.count_grant(&grant_type);
        }
        inner.faults.take(&key)
    };
    match fault {
        Some(fault) => crate::faults::apply(fault, request, next).await,
        None => next.run(request).await,
    }
}

/// The `grant_type` of a token request, and the request with its body restored.
async fn grant_type(request: Request) -> (Request, Option<String>) {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_TOKEN_BODY).await else {
        // Too large or broken: the token endpoint answers invalid_request.
        return (Request::from_parts(parts, Body::empty()), None);
    };
    let grant_type = url::form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "grant_type")
        .map(|(_, v)| v.into_owned());
    (Request::from_parts(parts, Body::from(bytes)), grant_type)
}
