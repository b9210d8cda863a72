//! The embedded-app context: the `Finqu-Context` JWT the Finqu admin sends.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, Validation, decode};
use serde::Deserialize;

use crate::ClientSecret;

/// The header the Finqu admin sends the context JWT in.
pub const CONTEXT_HEADER: &str = "Finqu-Context";

/// A verified app context: which merchant's admin opened the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AppContext {
    merchant_id: String,
    expires_at: SystemTime,
}

impl AppContext {
    /// The merchant id from `sub` = `merchant/{id}`.
    pub fn merchant_id(&self) -> &str {
        &self.merchant_id
    }

    /// When the context expires (`exp`).
    pub fn expires_at(&self) -> SystemTime {
        self.expires_at
    }
}

/// Why an app context was refused; the app answers 401 to all of them.
/// Never holds the token.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ContextError {
    /// No token in the header, the query or the body.
    #[error(
        "the request carries no Finqu app context (header `Finqu-Context`, query or body `token`)"
    )]
    Missing,
    /// Not a well-formed HS256 JWT.
    #[error("the Finqu app context is not a well-formed HS256 JWT")]
    Malformed,
    /// The signature does not verify with the client secret.
    #[error("the Finqu app context is not signed with this app's client secret")]
    BadSignature,
    /// `exp` is in the past.
    #[error("the Finqu app context has expired")]
    Expired,
    /// `sub` is not `merchant/{id}`.
    #[error("the Finqu app context's subject is not `merchant/{{id}}`")]
    BadSubject,
    /// The context is for another merchant than expected.
    #[error("the Finqu app context is for merchant {actual}, not {expected}")]
    WrongMerchant {
        /// The merchant that was expected.
        expected: String,
        /// The merchant in the context.
        actual: String,
    },
}

#[derive(Deserialize)]
struct Claims {
    sub: String,
    exp: u64,
}

/// Verifies a context JWT: HS256, signed with `client_secret`, not expired
/// (5 s leeway), `sub` = `merchant/{id}`.
///
/// # Errors
///
/// A [`ContextError`] saying which check failed.
pub fn verify_app_context(
    token: &str,
    client_secret: &ClientSecret,
) -> Result<AppContext, ContextError> {
    let token = token.trim();
    if token.is_empty() {
        return Err(ContextError::Missing);
    }
    let mut validation = Validation::new(Algorithm::HS256);
    validation.leeway = 5;
    validation.validate_aud = false;
    validation.set_required_spec_claims(&["exp", "sub"]);
    // An empty secret verifies nothing.
    let key = DecodingKey::from_secret(client_secret.secret().as_bytes())
        .map_err(|_| ContextError::BadSignature)?;
    let data = decode::<Claims>(token, &key, &validation).map_err(|e| match e.kind() {
        ErrorKind::InvalidSignature => ContextError::BadSignature,
        ErrorKind::ExpiredSignature => ContextError::Expired,
        _ => ContextError::Malformed,
    })?;
    let merchant_id = data
        .claims
        .sub
        .strip_prefix("merchant/")
        .filter(|id| !id.is_empty() && !id.contains('/'))
        .ok_or(ContextError::BadSubject)?
        .to_owned();
    Ok(AppContext {
        merchant_id,
        expires_at: UNIX_EPOCH + Duration::from_secs(data.claims.exp),
    })
}

/// As [`verify_app_context`], and the context must be `expected_merchant`'s.
///
/// # Errors
///
/// As [`verify_app_context`], and [`ContextError::WrongMerchant`].
pub fn verify_app_context_for(
    token: &str,
    client_secret: &ClientSecret,
    expected_merchant: &str,
) -> Result<AppContext, ContextError> {
    let context = verify_app_context(token, client_secret)?;
    if context.merchant_id != expected_merchant {
        return Err(ContextError::WrongMerchant {
            expected: expected_merchant.to_owned(),
            actual: context.merchant_id,
        });
    }
    Ok(context)
}

/// The context token of a request: the `Finqu-Context` header, else the
/// `token` query parameter, else the `token` field of a form body.
pub fn context_token(
    headers: &http::HeaderMap,
    query: Option<&str>,
    form_body: Option<&[u8]>,
) -> Option<String> {
    if let Some(value) = headers.get(CONTEXT_HEADER).and_then(|v| v.to_str().ok()) {
        return Some(value.trim().to_owned());
    }
    let from_form = |bytes: &[u8]| {
        url::form_urlencoded::parse(bytes)
            .find(|(k, _)| k == "token")
            .map(|(_, v)| v.into_owned())
    };
    query
        .and_then(|q| from_form(q.trim_start_matches('?').as_bytes()))
        .or_else(|| form_body.and_then(from_form))
}
