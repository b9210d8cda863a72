//! List, show, create, update and delete for the collections of the same REST shape.

use axum::Json;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, delete, get, post, put};
use serde_json::Value;

use super::{body, query_pairs};
use crate::error::ApiError;
use crate::pagination::{self, Paging};
use crate::state::AppState;
use crate::store::{Collection, Store};

/// `GET /things`: one page, filtered.
pub(crate) fn list(c: Collection) -> MethodRouter<AppState> {
    get(move |State(app): State<AppState>, uri: Uri| async move { list_page(&app, c, &uri) })
}

/// `GET /things/{id}`
pub(crate) fn show(c: Collection) -> MethodRouter<AppState> {
    get(
        move |State(app): State<AppState>, Path(id): Path<String>| async move {
            let inner = app.lock();
            match parse_id(&id).and_then(|id| inner.store.records(c).items.get(&id)) {
                Some(record) => Json(record).into_response(),
                None => ApiError::not_found(c.noun()).into_response(),
            }
        },
    )
}

/// `POST /things`: 201 with the created record.
pub(crate) fn create(c: Collection) -> MethodRouter<AppState> {
    post(move |State(app): State<AppState>, body: Bytes| async move {
        match save(&app, c, None, &body) {
            Ok(record) => (StatusCode::CREATED, Json(record)).into_response(),
            Err(e) => e.into_response(),
        }
    })
}

/// `PUT /things/{id}`: a partial update; 200 with the updated record.
pub(crate) fn update(c: Collection) -> MethodRouter<AppState> {
    put(
        move |State(app): State<AppState>, Path(id): Path<String>, body: Bytes| async move {
            let Some(id) = parse_id(&id) else {
                return ApiError::not_found(c.noun()).into_response();
            };
            match save(&app, c, Some(id), &body) {
                Ok(record) => Json(record).into_response(),
                Err(e) => e.into_response(),
            }
        },
    )
}

/// `DELETE /things/{id}`: 204.
pub(crate) fn remove(c: Collection) -> MethodRouter<AppState> {
    delete(
        move |State(app): State<AppState>, Path(id): Path<String>| async move {
            let removed =
                parse_id(&id).and_then(|id| app.lock().store.records_mut(c).items.remove(&id));
            match removed {
                Some(_) => StatusCode::NO_CONTENT.into_response(),
                None => ApiError::not_found(c.noun()).into_response(),
            }
        },
    )
}

/// Ids are positive integers; anything else names no record.
fn parse_id(id: &str) -> Option<u64> {
    id.parse().ok().filter(|id| *id > 0)
}

fn list_page(app: &AppState, c: Collection, uri: &Uri) -> Response {
    let query = query_pairs(uri);
    let paging = match Paging::from_query(&query) {
        Ok(paging) => paging,
        Err(e) => return e.into_response(),
    };
    let (total, items) = {
        let inner = app.lock();
        let all: Vec<_> = inner
            .store
            .records(c)
            .items
            .values()
            .filter(|r| Store::matches(c, &query, r))
            .collect();
        let page = all[paging.range(all.len())]
            .iter()
            .map(|r| Value::Object((*r).clone()))
            .collect();
        (all.len(), page)
    };
    let url = format!("{}{}", app.login_url, uri.path());
    pagination::respond(&url, &query, paging, total, items)
}

/// Validate and store a new record (`id` `None`) or an update.
fn save(app: &AppState, c: Collection, id: Option<u64>, body: &[u8]) -> Result<Value, ApiError> {
    let input = body::object(body)?;
    let mut inner = app.lock();
    let store = &mut inner.store;
    let existing = match id {
        Some(id) => Some(
            store
                .records(c)
                .items
                .get(&id)
                .cloned()
                .ok_or_else(|| ApiError::not_found(c.noun()))?,
        ),
        None => None,
    };
    let id = id.unwrap_or_else(|| store.records(c).peek_next_id());
    let record = store
        .build(c, id, existing.as_ref(), input)
        .map_err(ApiError::validation)?;
    let records = store.records_mut(c);
    if existing.is_none() {
        // The id is taken only once the record is valid.
        records.take_next_id();
    }
    records.items.insert(id, record.clone());
    Ok(Value::Object(record))
}
