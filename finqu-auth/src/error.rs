//! [`AuthError`]: everything that can go wrong between the authorize URL and a session.

use finqu_core::{MissingScopes, TokenError};

use crate::store::StoreError;

type BoxError = Box<dyn std::error::Error + Send + Sync>;

/// Why an authorization, a discovery or a session resumption failed.
///
/// No variant holds a secret: client secret, tokens, code, verifier and
/// `state` never appear in its `Display`, `Debug` or `source()`.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    /// The [`Authorizer`](crate::Authorizer) was configured with a value it cannot use.
    #[error("invalid finqu-auth configuration: {0}")]
    Config(String),

    /// A URL is neither `https` nor, with the opt-in, plain `http` to a loopback address.
    #[error(
        "the {what} URL `{url}` must use https (plain http is accepted only for a loopback address, and only after `allow_loopback_http(true)`)"
    )]
    InsecureUrl {
        /// Which URL: `authorize`, `token`, `resource` or `API`.
        what: &'static str,
        /// The URL without user info, query or fragment.
        url: String,
    },

    /// The callback URL could not be read.
    #[error("the callback URL is not valid: {0}")]
    InvalidCallback(String),

    /// The callback's `state` is missing or differs from the pending
    /// authorization's. Nothing was sent to Finqu.
    #[error(
        "the callback's `state` does not match the pending authorization: the callback may be forged or stale; start a new authorization"
    )]
    StateMismatch,

    /// The authorization server redirected back with `error=...` (RFC 6749 §4.1.2.1).
    #[error("the authorization was not granted: {error}{}", describe(.description))]
    Authorization {
        /// The `error` code, e.g. `access_denied` when the merchant declined.
        error: String,
        /// The `error_description`, when the server sent one.
        description: Option<String>,
    },

    /// The token endpoint answered an OAuth error (RFC 6749 §5.2).
    #[error("the token endpoint refused the request: {error}{}", describe(.description))]
    TokenEndpoint {
        /// The `error` code, e.g. `invalid_grant` or `invalid_client`.
        error: String,
        /// The `error_description`, when the server sent one.
        description: Option<String>,
    },

    /// The token endpoint's answer was not a token response.
    #[error("the token endpoint's answer is not a valid token response: {0}")]
    InvalidTokenResponse(String),

    /// The merchant granted fewer scopes than the grant type lists.
    #[error(transparent)]
    MissingScopes(#[from] MissingScopes),

    /// The resource endpoint did not answer a usable merchant.
    #[error("resource discovery failed: {0}")]
    Discovery(String),

    /// A request could not be sent or its answer not read.
    #[error("the request to the {what} endpoint failed")]
    Http {
        /// Which endpoint: `token` or `resource`.
        what: &'static str,
        /// The cause.
        #[source]
        source: BoxError,
    },

    /// The installed-app flow could not listen on the redirect URI's address.
    #[error("cannot listen on the redirect URI's loopback address")]
    Loopback(#[source] BoxError),

    /// The installed-app flow received no valid callback in time.
    #[error("no authorization arrived within {0:?}; start again")]
    Timeout(std::time::Duration),

    /// A token store failed.
    #[error(transparent)]
    Store(#[from] StoreError),

    /// [`Authorizer::resume`](crate::Authorizer::resume) found no stored session.
    #[error("no session is stored for merchant {merchant_id}: the merchant must authorize the app")]
    NotStored {
        /// The merchant id that was looked up.
        merchant_id: String,
    },

    /// Only a new authorization by the merchant can mend this.
    #[error("merchant {merchant} must authorize the app again: {reason}")]
    ReauthorizationRequired {
        /// The merchant's name and id.
        merchant: String,
        /// Why.
        reason: String,
    },
}

fn describe(description: &Option<String>) -> String {
    match description {
        Some(d) if !d.is_empty() => format!(" ({d})"),
        _ => String::new(),
    }
}

impl AuthError {
    /// Whether only a new authorization by the merchant can mend this.
    pub fn is_reauthorization_required(&self) -> bool {
        matches!(
            self,
            AuthError::ReauthorizationRequired { .. } | AuthError::MissingScopes(_)
        )
    }

    /// The OAuth error code (`access_denied`, `invalid_grant`, ...), if the
    /// server sent one.
    pub fn oauth_error(&self) -> Option<&str> {
        match self {
            AuthError::Authorization { error, .. } | AuthError::TokenEndpoint { error, .. } => {
                Some(error)
            }
            _ => None,
        }
    }
}

impl From<AuthError> for TokenError {
    fn from(error: AuthError) -> Self {
        let message = error.to_string();
        if error.is_reauthorization_required() {
            TokenError::reauthorization_required(message, Some(Box::new(error)))
        } else {
            TokenError::new(message, Some(Box::new(error)))
        }
    }
}
