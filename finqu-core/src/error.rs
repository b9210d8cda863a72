//! The client's error type.

use std::fmt;

use serde::Deserialize;

use crate::encode::EncodeError;
use crate::token::TokenError;

/// Why a call to the Finqu API failed. No variant ever holds a token.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The endpoint could not be put on the wire.
    #[error("could not build the request")]
    Encode(#[from] EncodeError),
    /// No access token could be had.
    #[error("could not get an access token")]
    Token(#[from] TokenError),
    /// The request did not complete: connection, timeout, TLS.
    #[error("{method} {path} did not complete")]
    Transport {
        /// The request's method.
        method: &'static str,
        /// The endpoint's path template (not the rendered path).
        path: &'static str,
        /// The cause, without its URL.
        #[source]
        source: reqwest::Error,
    },
    /// Finqu answered with an error status.
    #[error("{method} {path}: {error}")]
    Api {
        /// The request's method.
        method: &'static str,
        /// The endpoint's path template.
        path: &'static str,
        /// What Finqu said.
        error: ApiError,
    },
    /// The response body does not decode into the endpoint's response type.
    #[error(
        "the response to {method} {path} does not decode at `{at}`: {reason} (body starts: {excerpt:?})"
    )]
    Decode {
        /// The request's method.
        method: &'static str,
        /// The endpoint's path template.
        path: &'static str,
        /// Where in the body decoding failed, such as `items[3].price`.
        at: String,
        /// What was wrong there.
        reason: String,
        /// The first bytes of the body.
        excerpt: String,
    },
    /// Finqu answered 429 and the retry policy gave up; `retry_after` is the
    /// server's `Retry-After`, for scheduling the next try.
    #[error("{method} {path}: rate limited by Finqu{}", .retry_after.map(|d| format!(", retry after {} s", d.as_secs())).unwrap_or_default())]
    RateLimited {
        /// The request's method.
        method: &'static str,
        /// The endpoint's path template.
        path: &'static str,
        /// How long the server asked to wait, when it said.
        retry_after: Option<std::time::Duration>,
    },
    /// The HTTP client could not be built.
    #[error("could not build the HTTP client")]
    Build(#[source] reqwest::Error),
    /// The response body is larger than the configured limit.
    #[error("the response to {method} {path} is larger than {limit} bytes")]
    BodyTooLarge {
        /// The request's method.
        method: &'static str,
        /// The endpoint's path template.
        path: &'static str,
        /// The limit, in bytes.
        limit: usize,
    },
}

impl Error {
    /// The HTTP status Finqu answered with, for [`Error::Api`].
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api { error, .. } => Some(error.status),
            Error::RateLimited { .. } => Some(429),
            _ => None,
        }
    }

    /// For [`Error::RateLimited`]: how long the server asked to wait.
    pub fn retry_after(&self) -> Option<std::time::Duration> {
        match self {
            Error::RateLimited { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// Finqu's error body, for [`Error::Api`].
    pub fn api_error(&self) -> Option<&ApiError> {
        match self {
            Error::Api { error, .. } => Some(error),
            _ => None,
        }
    }

    /// 404: the resource does not exist.
    pub fn is_not_found(&self) -> bool {
        self.status() == Some(404)
    }

    /// 403: the token lacks a scope the server requires.
    pub fn is_forbidden(&self) -> bool {
        self.status() == Some(403)
    }

    /// 422: the server rejected the request's content; see [`ApiError::details`].
    pub fn is_validation(&self) -> bool {
        self.status() == Some(422)
    }

    /// 402: the merchant's service is closed or needs reactivating.
    pub fn is_payment_required(&self) -> bool {
        self.status() == Some(402)
    }
}

/// Finqu's error body: `{"error": {"message", "code", "details"}}`, with the status.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: u16,
    /// Finqu's error code, such as 1100 (client not authorized), when given.
    pub code: Option<u32>,
    /// Finqu's message, or the status text when the body had none.
    pub message: String,
    /// Details, such as the fields that failed validation.
    pub details: Vec<String>,
}

#[derive(Deserialize)]
struct Envelope {
    error: Body,
}

#[derive(Deserialize)]
struct Body {
    #[serde(default)]
    message: Option<String>,
    #[serde(default)]
    code: Option<u32>,
    #[serde(default)]
    details: Vec<String>,
}

impl ApiError {
    /// Reads Finqu's error body; a body that is not one still gives a status
    /// and a message.
    pub fn from_response(status: u16, body: &[u8]) -> Self {
        let reason = http::StatusCode::from_u16(status)
            .ok()
            .and_then(|s| s.canonical_reason())
            .unwrap_or("error");
        match serde_json::from_slice::<Envelope>(body) {
            Ok(Envelope { error }) => ApiError {
                status,
                code: error.code,
                message: error.message.unwrap_or_else(|| reason.to_owned()),
                details: error.details,
            },
            Err(_) => ApiError {
                status,
                code: None,
                message: reason.to_owned(),
                details: Vec::new(),
            },
        }
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.status, self.message)?;
        if let Some(code) = self.code {
            write!(f, " (code {code})")?;
        }
        for detail in &self.details {
            write!(f, "; {detail}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_finqu_error_body() {
        let e = ApiError::from_response(
            422,
            br#"{"error":{"message":"Invalid","code":1000,"details":["items is empty"]}}"#,
        );
        assert_eq!(e.code, Some(1000));
        assert_eq!(e.to_string(), "422 Invalid (code 1000); items is empty");
    }

    #[test]
    fn tolerates_other_bodies() {
        let e = ApiError::from_response(502, b"<html>bad gateway</html>");
        assert_eq!(e.to_string(), "502 Bad Gateway");
        let e = ApiError::from_response(403, br#"{"error":{"code":1100}}"#);
        assert_eq!(e.to_string(), "403 Forbidden (code 1100)");
    }
}
