//! Faults a test asks for: the next N requests to a route fail in a chosen way.

use std::collections::{HashMap, VecDeque};
use std::time::{Duration, SystemTime};

use axum::body::Body;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::conn::ConnectionKiller;
use crate::error::ApiError;

/// How one request fails. Queue faults with
/// [`FakeFinqu::fail_next`](crate::FakeFinqu::fail_next).
///
/// Faults act before authentication, like a gateway in front of Finqu would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Answer this status (e.g. 500, 503) with Finqu's error body, code 1000.
    /// A number outside 200..=599 answers 500.
    Status(u16),
    /// Answer 429 with Finqu's error body and the given `Retry-After`.
    TooManyRequests {
        /// The `Retry-After` header.
        retry_after: RetryAfter,
    },
    /// Answer 200 with `Content-Type: application/json` and a truncated JSON body.
    MalformedJson,
    /// Answer 200 with a JSON body (one string literal) of exactly this many
    /// bytes (at least 2), with `Content-Length`.
    OversizeBody(usize),
    /// Wait this long, then handle the request normally.
    Delay(Duration),
    /// Close the connection without answering.
    DropConnection,
}

/// The `Retry-After` header of a [`Fault::TooManyRequests`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RetryAfter {
    /// `Retry-After: <seconds>`
    Seconds(u64),
    /// `Retry-After: <IMF-fixdate>` (RFC 9110), e.g. `Sun, 06 Nov 1994 08:49:37 GMT`.
    HttpDate(SystemTime),
    /// No `Retry-After` header.
    Omitted,
}

/// Queued faults by route key, applied in the order they were queued.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    queued: HashMap<String, VecDeque<Fault>>,
}

impl Faults {
    pub(crate) fn push(&mut self, key: &str, times: u32, fault: Fault) {
        let queue = self.queued.entry(key.to_owned()).or_default();
        queue.extend(std::iter::repeat_n(fault, times as usize));
    }

    pub(crate) fn take(&mut self, key: &str) -> Option<Fault> {
        self.queued.get_mut(key)?.pop_front()
    }

    pub(crate) fn clear(&mut self) {
        self.queued.clear();
    }
}

/// A truncated JSON document.
const MALFORMED_JSON: &str = "{\"id\": 1, \"name\": \"trunc";

/// Answer `request` the way `fault` says.
pub(crate) async fn apply(fault: Fault, request: Request, next: Next) -> Response {
    match fault {
        Fault::Status(code) => {
            let status = StatusCode::from_u16(code)
                .ok()
                .filter(|s| (200..=599).contains(&s.as_u16()))
                .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let reason = status.canonical_reason().unwrap_or("Injected fault");
            ApiError::new(status, reason).into_response()
        }
        Fault::TooManyRequests { retry_after } => {
            let mut response =
                ApiError::new(StatusCode::TOO_MANY_REQUESTS, "Too many requests").into_response();
            let value = match retry_after {
                RetryAfter::Seconds(s) => Some(s.to_string()),
                RetryAfter::HttpDate(t) => Some(httpdate::fmt_http_date(t)),
                RetryAfter::Omitted => None,
            };
            if let Some(value) = value.and_then(|v| HeaderValue::from_str(&v).ok()) {
                response.headers_mut().insert(header::RETRY_AFTER, value);
            }
            response
        }
        Fault::MalformedJson => json_body(MALFORMED_JSON.as_bytes().to_vec()),
        Fault::OversizeBody(bytes) => {
            let mut body = vec![b'x'; bytes.max(2)];
            body[0] = b'"';
            if let Some(last) = body.last_mut() {
                *last = b'"';
            }
            json_body(body)
        }
        Fault::Delay(delay) => {
            tokio::time::sleep(delay).await;
            next.run(request).await
        }
        Fault::DropConnection => match request.extensions().get::<ConnectionKiller>() {
            Some(killer) => {
                killer.kill();
                // The connection is dropped before this answers.
                std::future::pending().await
            }
            None => ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "connection could not be dropped",
            )
            .into_response(),
        },
    }
}

fn json_body(body: Vec<u8>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        Body::from(body),
    )
        .into_response()
}
