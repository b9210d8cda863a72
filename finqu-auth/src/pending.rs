//! [`PendingAuthorization`]: what must survive between the redirect and the callback.

use std::fmt;

use secrecy::SecretString;
use serde::{Deserialize, Serialize};

/// The `state` and PKCE verifier of one authorization in progress.
///
/// It is single use: [`Authorizer::complete`](crate::Authorizer::complete)
/// takes it by value. It serializes (serde) so that a web app can keep it in
/// its server-side session between the redirect and the callback; the JSON
/// holds secrets, so keep it server side. Its `Debug` hides them.
///
/// ```
/// # use finqu_auth::{Authorizer, PendingAuthorization};
/// # finqu_core::grant!(pub ShopSync = "orders_read");
/// let auth = Authorizer::<ShopSync>::builder("my-app", "secret", "https://app.example/callback")
///     .build()
///     .unwrap();
/// let (_url, pending) = auth.authorize_url();
/// let kept = serde_json::to_string(&pending).unwrap();
/// let pending: PendingAuthorization = serde_json::from_str(&kept).unwrap();
/// assert!(format!("{pending:?}").contains("[redacted]"));
/// ```
#[derive(Clone, Serialize, Deserialize)]
pub struct PendingAuthorization {
    #[serde(with = "crate::secret::secret_string_serde")]
    pub(crate) state: SecretString,
    #[serde(
        with = "crate::secret::option_secret_string_serde",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub(crate) pkce_verifier: Option<SecretString>,
    pub(crate) redirect_uri: String,
    pub(crate) scope: String,
}

impl PendingAuthorization {
    /// The redirect URI the authorization was sent with.
    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    /// The scopes that were asked for, space separated.
    pub fn scope(&self) -> &str {
        &self.scope
    }
}

impl fmt::Debug for PendingAuthorization {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PendingAuthorization")
            .field("state", &"[redacted]")
            .field(
                "pkce_verifier",
                &self.pkce_verifier.as_ref().map(|_| "[redacted]"),
            )
            .field("redirect_uri", &self.redirect_uri)
            .field("scope", &self.scope)
            .finish()
    }
}
