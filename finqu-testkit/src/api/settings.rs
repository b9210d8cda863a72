//! `GET /settings` and `PUT /settings` (a partial update of the one settings object).

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::response::{IntoResponse, Response};

use super::body;
use crate::error::ApiError;
use crate::state::AppState;

pub(crate) async fn show(State(app): State<AppState>) -> Response {
    Json(app.lock().store.settings.clone()).into_response()
}

pub(crate) async fn update(State(app): State<AppState>, body: Bytes) -> Response {
    let input = match body::object(&body) {
        Ok(input) => input,
        Err(e) => return e.into_response(),
    };
    let mut inner = app.lock();
    match crate::store::settings::update(&inner.store.settings, input) {
        Ok(next) => {
            inner.store.settings = next.clone();
            Json(next).into_response()
        }
        Err(details) => ApiError::validation(details).into_response(),
    }
}
