//! The layer in front of each merchant API route: a live token with the route's scope.

use axum::extract::{Request, State};
use axum::http::header;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::error::ApiError;
use crate::routes::Requires;
use crate::state::{AppState, TokenError};

/// State of one route's guard.
#[derive(Clone)]
pub(crate) struct Guard {
    pub(crate) app: AppState,
    pub(crate) requires: Requires,
}

pub(crate) async fn guard(State(guard): State<Guard>, request: Request, next: Next) -> Response {
    let auth = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let claims = match guard.app.verify_bearer(auth) {
        Ok(claims) => claims,
        Err(TokenError::Missing) => return ApiError::missing_token().into_response(),
        Err(TokenError::Invalid) => return ApiError::invalid_token().into_response(),
    };
    if let Requires::Scope(scope) = guard.requires
        && !crate::scope::contains(&claims.scope, scope)
    {
        return ApiError::missing_scope(scope).into_response();
    }
    next.run(request).await
}
