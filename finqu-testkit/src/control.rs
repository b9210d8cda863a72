//! The HTTP control plane under `/__testkit/`: faults, counters and tokens for tools in any language.

use std::time::Duration;

use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::error::ApiError;
use crate::faults::{Fault, RetryAfter};
use crate::routes::Requires;
use crate::state::AppState;

/// The prefix of every control route.
pub const CONTROL_PREFIX: &str = "/__testkit";

pub(crate) fn router(app: AppState) -> Router {
    Router::new()
        .route("/__testkit/info", get(info))
        .route("/__testkit/routes", get(routes))
        .route("/__testkit/faults", post(add_fault).delete(clear_faults))
        .route("/__testkit/counters", get(counters).delete(reset_counters))
        .route("/__testkit/tokens", post(tokens))
        .route("/__testkit/expire-tokens", post(expire_tokens))
        .route("/__testkit/revoke", post(revoke))
        .route("/__testkit/deny-next-authorization", post(deny_next))
        .with_state(app)
}

/// The body parsed as `T`, or a 422 naming the problem.
fn parse<T: for<'de> Deserialize<'de>>(body: &[u8]) -> Result<T, ApiError> {
    serde_json::from_slice(body).map_err(|e| ApiError::validation(vec![e.to_string()]))
}

async fn info(State(app): State<AppState>) -> Json<Value> {
    Json(app.info())
}

async fn routes() -> Json<Value> {
    let routes: Vec<Value> = crate::routes::routes()
        .iter()
        .map(|r| {
            let (requires, scope) = match r.requires {
                Requires::Nothing => ("nothing", None),
                Requires::ClientCredentials => ("client_credentials", None),
                Requires::AnyToken => ("any_token", None),
                Requires::Scope(s) => ("scope", Some(s)),
            };
            let server = match r.server {
                crate::routes::Server::Login => "login",
                crate::routes::Server::Api => "api",
            };
            json!({"key": r.key(), "method": r.method, "path": r.path, "server": server, "requires": requires, "scope": scope})
        })
        .collect();
    Json(Value::Array(routes))
}

/// `{"route": "POST /orders", "times": 2, "fault": {"kind": "status", "status": 503}}`
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FaultRequest {
    route: String,
    #[serde(default = "one")]
    times: u32,
    fault: FaultSpec,
}

fn one() -> u32 {
    1
}

#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum FaultSpec {
    Status {
        status: u16,
    },
    TooManyRequests {
        retry_after_seconds: Option<u64>,
        /// An IMF-fixdate, sent as is.
        retry_after_http_date: Option<String>,
    },
    MalformedJson,
    OversizeBody {
        bytes: usize,
    },
    Delay {
        millis: u64,
    },
    DropConnection,
}

impl FaultSpec {
    fn into_fault(self) -> Result<Fault, String> {
        Ok(match self {
            Self::Status { status } => Fault::Status(status),
            Self::TooManyRequests {
                retry_after_seconds,
                retry_after_http_date,
            } => {
                let retry_after = match (retry_after_seconds, retry_after_http_date) {
                    (Some(s), None) => RetryAfter::Seconds(s),
                    (None, Some(date)) => RetryAfter::HttpDate(
                        httpdate::parse_http_date(&date)
                            .map_err(|_| format!("{date:?} is not an HTTP date"))?,
                    ),
                    (None, None) => RetryAfter::Omitted,
                    (Some(_), Some(_)) => {
                        return Err(
                            "give retry_after_seconds or retry_after_http_date, not both"
                                .to_owned(),
                        );
                    }
                };
                Fault::TooManyRequests { retry_after }
            }
            Self::MalformedJson => Fault::MalformedJson,
            Self::OversizeBody { bytes } => Fault::OversizeBody(bytes),
            Self::Delay { millis } => Fault::Delay(Duration::from_millis(millis)),
            Self::DropConnection => Fault::DropConnection,
        })
    }
}

async fn add_fault(State(app): State<AppState>, body: Bytes) -> Response {
    let request = match parse::<FaultRequest>(&body) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    let fault = match request.fault.into_fault() {
        Ok(f) => f,
        Err(why) => return ApiError::validation(vec![why]).into_response(),
    };
    match app.fail_next(&request.route, request.times, fault) {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(unknown) => ApiError::validation(vec![unknown.to_string()]).into_response(),
    }
}

async fn clear_faults(State(app): State<AppState>) -> StatusCode {
    app.lock().faults.clear();
    StatusCode::NO_CONTENT
}

async fn counters(State(app): State<AppState>) -> Json<Value> {
    let (routes, grants) = app.lock().counters.snapshot();
    Json(json!({"routes": routes, "grants": grants}))
}

async fn reset_counters(State(app): State<AppState>) -> StatusCode {
    app.lock().counters.reset();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokensRequest {
    scope: String,
}

/// Answers like the token endpoint: `{access_token, token_type, expires_in, refresh_token, scope}`.
async fn tokens(State(app): State<AppState>, body: Bytes) -> Response {
    let request = match parse::<TokensRequest>(&body) {
        Ok(r) => r,
        Err(e) => return e.into_response(),
    };
    match app.mint(&request.scope) {
        Ok(t) => Json(json!({
            "access_token": t.access_token, "token_type": "Bearer", "expires_in": t.expires_in,
            "refresh_token": t.refresh_token, "scope": t.scope,
        }))
        .into_response(),
        Err(_) => ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "could not sign the token",
        )
        .into_response(),
    }
}

async fn expire_tokens(State(app): State<AppState>) -> StatusCode {
    app.expire_all_tokens();
    StatusCode::NO_CONTENT
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RevokeRequest {
    refresh_token: String,
}

/// 204 when the refresh token was live, 404 when it was not.
async fn revoke(State(app): State<AppState>, body: Bytes) -> Response {
    match parse::<RevokeRequest>(&body) {
        Ok(r) if app.revoke_refresh_token(&r.refresh_token) => {
            StatusCode::NO_CONTENT.into_response()
        }
        Ok(_) => ApiError::not_found("refresh token").into_response(),
        Err(e) => e.into_response(),
    }
}

async fn deny_next(State(app): State<AppState>) -> StatusCode {
    app.deny_next_authorization();
    StatusCode::NO_CONTENT
}
