//! `GET /oauth2/resource`: the merchant behind a bearer token, in the configured shape.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

use crate::config::ResourceShape;
use crate::state::AppState;

pub(crate) async fn resource(State(app): State<AppState>, headers: HeaderMap) -> Response {
    let auth = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    if app.verify_bearer(auth).is_err() {
        let body = json!({"error": "invalid_token", "error_description": "The access token is missing, invalid or expired"});
        let mut response = (StatusCode::UNAUTHORIZED, Json(body)).into_response();
        response.headers_mut().insert(
            header::WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"finqu\", error=\"invalid_token\""),
        );
        return response;
    }
    let merchant = &app.merchant;
    let advertised = app.config.advertised_api_url.as_deref();
    let body = match app.config.resource_shape {
        ResourceShape::ApiUrl => json!({
            "merchant": {"id": merchant.id, "api_url": advertised.unwrap_or(&app.api_url), "name": merchant.name},
        }),
        ResourceShape::Endpoints => json!({
            "id": "1",
            "username": "owner@example.test",
            "name": "Testkit Owner",
            "merchant": {
                "id": merchant.id,
                "name": merchant.name,
                "endpoints": {
                    "admin": format!("{}/admin", app.login_url),
                    "api": advertised.map_or_else(|| format!("{}/api", app.login_url), str::to_owned),
                    "realtime": format!("{}/realtime", app.login_url.replacen("http", "ws", 1)),
                },
            },
        }),
    };
    Json(body).into_response()
}
