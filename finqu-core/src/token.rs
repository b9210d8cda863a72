//! Where the client gets its bearer token from.

use std::fmt;
use std::sync::Arc;

use futures_util::future::BoxFuture;
use http::HeaderValue;
use secrecy::{ExposeSecret, SecretString};

/// An OAuth access token. Its `Debug` never shows the value.
///
/// ```
/// use finqu_core::AccessToken;
///
/// let token = AccessToken::new("eyJhbGciOi...");
/// assert_eq!(format!("{token:?}"), "AccessToken([redacted])");
/// assert_eq!(token.secret(), "eyJhbGciOi...");
/// ```
#[derive(Clone)]
pub struct AccessToken(Arc<Inner>);

struct Inner {
    secret: SecretString,
    /// `Bearer <token>`, marked sensitive; built once, not per request.
    /// `None` when the token cannot be a header value.
    header: Option<HeaderValue>,
}

impl AccessToken {
    /// Wraps a token value.
    pub fn new(value: impl Into<String>) -> Self {
        let secret = SecretString::from(value.into());
        let header = HeaderValue::from_str(&format!("Bearer {}", secret.expose_secret()))
            .ok()
            .map(|mut h| {
                h.set_sensitive(true);
                h
            });
        AccessToken(Arc::new(Inner { secret, header }))
    }

    /// The token value, for the `Authorization` header and nothing else.
    pub fn secret(&self) -> &str {
        self.0.secret.expose_secret()
    }

    /// The `Authorization` header value, marked sensitive.
    pub(crate) fn bearer_header(&self) -> Option<&HeaderValue> {
        self.0.header.as_ref()
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessToken([redacted])")
    }
}

impl PartialEq for AccessToken {
    fn eq(&self, other: &Self) -> bool {
        self.secret() == other.secret()
    }
}

impl Eq for AccessToken {}

/// Why a token source could not hand out a token.
///
/// Its message never contains a token; the cause is kept in `source()`.
#[derive(Debug, thiserror::Error)]
#[error("{message}")]
pub struct TokenError {
    message: String,
    reauthorize: bool,
    #[source]
    source: Option<Box<dyn std::error::Error + Send + Sync>>,
}

impl TokenError {
    /// A failure described by `message`, with an optional cause.
    pub fn new(
        message: impl Into<String>,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        TokenError {
            message: message.into(),
            reauthorize: false,
            source,
        }
    }

    /// A failure that only a new authorization by the merchant can mend, such
    /// as a refresh token that the server no longer accepts.
    pub fn reauthorization_required(
        message: impl Into<String>,
        source: Option<Box<dyn std::error::Error + Send + Sync>>,
    ) -> Self {
        TokenError {
            message: message.into(),
            reauthorize: true,
            source,
        }
    }

    /// Whether the merchant must authorize the app again.
    pub fn is_reauthorization_required(&self) -> bool {
        self.reauthorize
    }
}

/// Hands out access tokens to the client and refreshes them.
///
/// finqu-auth's `Session` implements it; so can anything that holds a token.
/// It is object safe: the client keeps an `Arc<dyn TokenSource>`.
///
/// ```
/// use finqu_core::{AccessToken, TokenError, TokenSource};
/// use futures_util::future::BoxFuture;
///
/// /// A fixed token, for a script that got one elsewhere.
/// #[derive(Debug)]
/// struct Fixed(AccessToken);
///
/// impl TokenSource for Fixed {
///     fn access_token(&self) -> BoxFuture<'_, Result<AccessToken, TokenError>> {
///         Box::pin(async move { Ok(self.0.clone()) })
///     }
///     fn refresh_after_unauthorized<'a>(&'a self, _rejected: &'a AccessToken)
///         -> BoxFuture<'a, Result<AccessToken, TokenError>> {
///         Box::pin(async { Err(TokenError::reauthorization_required("a fixed token cannot be refreshed", None)) })
///     }
/// }
/// ```
pub trait TokenSource: Send + Sync + fmt::Debug {
    /// A token valid for the next request, refreshed first if it is about to expire.
    fn access_token(&self) -> BoxFuture<'_, Result<AccessToken, TokenError>>;

    /// Called when the server answered 401 to a request sent with `rejected`:
    /// returns a fresh token, refreshing unless another caller already
    /// replaced `rejected` since.
    fn refresh_after_unauthorized<'a>(
        &'a self,
        rejected: &'a AccessToken,
    ) -> BoxFuture<'a, Result<AccessToken, TokenError>>;
}
