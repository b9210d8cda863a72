//! Finqu's error body: `{"error": {"message", "code", "details"?}}`.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Finqu error code 1000: not specified.
pub(crate) const NOT_SPECIFIED: u32 = 1000;
/// Finqu error code 1100: client not authorized.
pub(crate) const NOT_AUTHORIZED: u32 = 1100;

/// An error answer of the merchant API (and of the control plane).
#[derive(Debug)]
pub(crate) struct ApiError {
    status: StatusCode,
    code: u32,
    message: String,
    details: Vec<String>,
    www_authenticate: Option<String>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> Self {
        Self {
            status,
            code: NOT_SPECIFIED,
            message: message.into(),
            details: Vec::new(),
            www_authenticate: None,
        }
    }

    /// 400: a body that is not the JSON object the route takes.
    pub(crate) fn bad_request(message: impl Into<String>) -> Self {
        Self::new(StatusCode::BAD_REQUEST, message)
    }

    /// 401 with `WWW-Authenticate: Bearer` (RFC 6750): no bearer token at all.
    pub(crate) fn missing_token() -> Self {
        Self {
            code: NOT_AUTHORIZED,
            www_authenticate: Some("Bearer realm=\"finqu\"".to_owned()),
            ..Self::new(StatusCode::UNAUTHORIZED, "Missing access token")
        }
    }

    /// 401: a token this server did not issue, or one that expired or was revoked.
    pub(crate) fn invalid_token() -> Self {
        Self {
            code: NOT_AUTHORIZED,
            www_authenticate: Some(
                "Bearer realm=\"finqu\", error=\"invalid_token\", error_description=\"The access token is invalid or has expired\"".to_owned(),
            ),
            ..Self::new(StatusCode::UNAUTHORIZED, "The access token is invalid or has expired")
        }
    }

    /// 403: a valid token without the route's scope.
    pub(crate) fn missing_scope(scope: &str) -> Self {
        Self {
            code: NOT_AUTHORIZED,
            www_authenticate: Some(format!(
                "Bearer realm=\"finqu\", error=\"insufficient_scope\", scope=\"{scope}\""
            )),
            ..Self::new(
                StatusCode::FORBIDDEN,
                format!("The client is not authorized for this request: scope {scope} is required"),
            )
        }
    }

    /// 404 for a record of `noun` that does not exist.
    pub(crate) fn not_found(noun: &str) -> Self {
        Self::new(StatusCode::NOT_FOUND, format!("The {noun} was not found"))
    }

    /// 405 for a path that exists with another method.
    pub(crate) fn method_not_allowed() -> Self {
        Self::new(
            StatusCode::METHOD_NOT_ALLOWED,
            "This method is not allowed on this path",
        )
    }

    /// 422 with one detail per problem.
    pub(crate) fn validation(details: Vec<String>) -> Self {
        Self {
            details,
            ..Self::new(StatusCode::UNPROCESSABLE_ENTITY, "Validation failed")
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut error = json!({"message": self.message, "code": self.code});
        if !self.details.is_empty() {
            error["details"] = self.details.into();
        }
        let mut response = (self.status, Json(json!({ "error": error }))).into_response();
        if let Some(value) = self
            .www_authenticate
            .and_then(|v| HeaderValue::from_str(&v).ok())
        {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, value);
        }
        response
    }
}
