//! Channels, themes, versions and assets under `/merchants/{merchant}`, as Finqu's CLI calls them.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use serde_json::Value;

use super::{body, query_pairs};
use crate::error::ApiError;
use crate::pagination::{self, Paging};
use crate::state::AppState;

pub(crate) const CHANNELS: &str = "/merchants/{merchant}/channels";
pub(crate) const THEMES: &str = "/merchants/{merchant}/channels/{channel}/themes";
pub(crate) const VERSIONS: &str =
    "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions";
pub(crate) const ASSETS: &str =
    "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets";
pub(crate) const COMPILE: &str =
    "/merchants/{merchant}/channels/{channel}/themes/{theme}/versions/{version}/assets/compile";

/// The query parameter that names one asset.
const ASSET_KEY: &str = "asset[key]";

fn merchant(app: &AppState, merchant: &str) -> Result<(), ApiError> {
    if merchant == app.merchant.id {
        Ok(())
    } else {
        Err(ApiError::not_found("merchant"))
    }
}

fn id(raw: &str, noun: &str) -> Result<u64, ApiError> {
    raw.parse().map_err(|_| ApiError::not_found(noun))
}

/// Merchant, channel, theme and version of a version path, checked to exist and nest.
fn version(
    app: &AppState,
    (m, c, t, v): &(String, String, String, String),
) -> Result<u64, ApiError> {
    merchant(app, m)?;
    let (c, t, v) = (id(c, "channel")?, id(t, "theme")?, id(v, "version")?);
    if app.lock().store.themes.has_version(c, t, v) {
        Ok(v)
    } else {
        Err(ApiError::not_found("theme version"))
    }
}

fn page(app: &AppState, uri: &Uri, items: &[Value]) -> Response {
    let query = query_pairs(uri);
    match Paging::from_query(&query) {
        Ok(paging) => {
            let total = items.len();
            let items = items[paging.range(total)].to_vec();
            let url = format!("{}{}", app.login_url, uri.path());
            pagination::respond(&url, &query, paging, total, items)
        }
        Err(e) => e.into_response(),
    }
}

fn records(records: Vec<crate::store::Record>) -> Vec<Value> {
    records.into_iter().map(Value::Object).collect()
}

pub(crate) async fn channels(
    State(app): State<AppState>,
    Path(m): Path<String>,
    uri: Uri,
) -> Response {
    if let Err(e) = merchant(&app, &m) {
        return e.into_response();
    }
    let items = records(app.lock().store.themes.channels());
    page(&app, &uri, &items)
}

pub(crate) async fn themes(
    State(app): State<AppState>,
    Path((m, c)): Path<(String, String)>,
    uri: Uri,
) -> Response {
    let found = merchant(&app, &m)
        .and_then(|()| id(&c, "channel"))
        .and_then(|c| {
            app.lock()
                .store
                .themes
                .themes(c)
                .ok_or_else(|| ApiError::not_found("channel"))
        });
    match found {
        Ok(items) => page(&app, &uri, &records(items)),
        Err(e) => e.into_response(),
    }
}

pub(crate) async fn versions(
    State(app): State<AppState>,
    Path((m, c, t)): Path<(String, String, String)>,
    uri: Uri,
) -> Response {
    let found = merchant(&app, &m).and_then(|()| {
        let (c, t) = (id(&c, "channel")?, id(&t, "theme")?);
        app.lock()
            .store
            .themes
            .versions(c, t)
            .ok_or_else(|| ApiError::not_found("theme"))
    });
    match found {
        Ok(items) => page(&app, &uri, &records(items)),
        Err(e) => e.into_response(),
    }
}

/// Without `asset[key]`: the version's assets, without content, paginated.
/// With it: that one asset, with `value` or `attachment`.
pub(crate) async fn assets(
    State(app): State<AppState>,
    Path(path): Path<(String, String, String, String)>,
    uri: Uri,
) -> Response {
    let version = match version(&app, &path) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let query = query_pairs(&uri);
    match query.iter().find(|(k, _)| k == ASSET_KEY) {
        Some((_, key)) => match app.lock().store.themes.asset(version, key) {
            Some(asset) => Json(asset).into_response(),
            None => ApiError::not_found("asset").into_response(),
        },
        None => {
            let items = app.lock().store.themes.assets(version);
            page(&app, &uri, &items)
        }
    }
}

/// Body `{"asset": {"key", "value" | "attachment"}}`; answers the asset without content.
pub(crate) async fn put_asset(
    State(app): State<AppState>,
    Path(path): Path<(String, String, String, String)>,
    body: Bytes,
) -> Response {
    let version = match version(&app, &path) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let body = match body::json(&body) {
        Ok(body) => body,
        Err(e) => return e.into_response(),
    };
    match app.lock().store.themes.put_asset(version, &body) {
        Ok(asset) => Json(asset).into_response(),
        Err(details) => ApiError::validation(details).into_response(),
    }
}

/// `?asset[key]=…`: 204, 404 when there is no such asset, 422 without the key.
pub(crate) async fn delete_asset(
    State(app): State<AppState>,
    Path(path): Path<(String, String, String, String)>,
    uri: Uri,
) -> Response {
    let version = match version(&app, &path) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    let query = query_pairs(&uri);
    let Some((_, key)) = query.iter().find(|(k, _)| k == ASSET_KEY) else {
        return ApiError::validation(vec![format!("{ASSET_KEY} is required")]).into_response();
    };
    if app.lock().store.themes.delete_asset(version, key) {
        StatusCode::NO_CONTENT.into_response()
    } else {
        ApiError::not_found("asset").into_response()
    }
}

/// Marks the version compiled; answers the version with `compiled_at`.
pub(crate) async fn compile(
    State(app): State<AppState>,
    Path(path): Path<(String, String, String, String)>,
) -> Response {
    let version = match version(&app, &path) {
        Ok(v) => v,
        Err(e) => return e.into_response(),
    };
    match app.lock().store.themes.compile(version) {
        Some(v) => Json(v).into_response(),
        None => ApiError::not_found("theme version").into_response(),
    }
}
