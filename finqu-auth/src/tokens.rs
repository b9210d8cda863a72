//! [`TokenSet`]: an access token, its refresh token, when to refresh, what it grants.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use finqu_core::AccessToken;
use serde::{Deserialize, Serialize};

use crate::RefreshToken;

/// How long before expiry a token is refreshed.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// The tokens of one merchant's session.
///
/// Serializable for [token stores](crate::TokenStore); the JSON holds the
/// tokens, its `Debug` does not.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use finqu_auth::{RefreshToken, TokenSet};
/// use finqu_core::AccessToken;
///
/// let tokens = TokenSet::new(
///     AccessToken::new("eyJ..."),
///     Some(RefreshToken::new("r-1")),
///     Some(SystemTime::now() + Duration::from_secs(3600)),
///     "orders_read",
/// );
/// assert!(!tokens.needs_refresh());
/// assert!(!format!("{tokens:?}").contains("r-1"));
/// ```
#[derive(Clone, Serialize, Deserialize)]
pub struct TokenSet {
    #[serde(with = "crate::secret::access_token_serde")]
    access_token: AccessToken,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_token: Option<RefreshToken>,
    /// Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    expires_at: Option<u64>,
    /// Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    refresh_at: Option<u64>,
    scope: String,
}

impl TokenSet {
    /// Tokens that expire at `expires_at` (`None`: no known expiry) and grant
    /// `scope` (space separated). They are refreshed [`REFRESH_MARGIN`] before
    /// `expires_at`, or halfway through a lifetime shorter than twice that.
    pub fn new(
        access_token: AccessToken,
        refresh_token: Option<RefreshToken>,
        expires_at: Option<SystemTime>,
        scope: impl Into<String>,
    ) -> Self {
        let now = SystemTime::now();
        let refresh_at = expires_at.map(|at| {
            let lifetime = at.duration_since(now).unwrap_or_default();
            at - REFRESH_MARGIN.min(lifetime / 2)
        });
        TokenSet {
            access_token,
            refresh_token,
            expires_at: expires_at.map(unix_ms),
            refresh_at: refresh_at.map(unix_ms),
            scope: scope.into(),
        }
    }

    /// Tokens from a token response that arrived now.
    pub(crate) fn received(
        access_token: AccessToken,
        refresh_token: Option<RefreshToken>,
        expires_in: Option<Duration>,
        scope: String,
    ) -> Self {
        let expires_at = expires_in.map(|d| SystemTime::now() + d);
        TokenSet::new(access_token, refresh_token, expires_at, scope)
    }

    /// The access token.
    pub fn access_token(&self) -> &AccessToken {
        &self.access_token
    }

    /// The refresh token, if the server gave one.
    pub fn refresh_token(&self) -> Option<&RefreshToken> {
        self.refresh_token.as_ref()
    }

    /// When the access token expires, if known.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.expires_at.map(from_unix_ms)
    }

    /// The granted scopes, space separated.
    pub fn scope(&self) -> &str {
        &self.scope
    }

    /// Whether the access token expires within the refresh margin.
    pub fn needs_refresh(&self) -> bool {
        let at = self.refresh_at.or(self.expires_at);
        at.is_some_and(|at| unix_ms(SystemTime::now()) >= at)
    }

    /// Keeps `previous`'s refresh token when the refresh response had none.
    pub(crate) fn keep_refresh_token_of(mut self, previous: &TokenSet) -> Self {
        if self.refresh_token.is_none() {
            self.refresh_token.clone_from(&previous.refresh_token);
        }
        self
    }
}

impl fmt::Debug for TokenSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TokenSet")
            .field("access_token", &self.access_token)
            .field("refresh_token", &self.refresh_token)
            .field("expires_at", &self.expires_at())
            .field("scope", &self.scope)
            .finish()
    }
}

fn unix_ms(at: SystemTime) -> u64 {
    at.duration_since(UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

fn from_unix_ms(ms: u64) -> SystemTime {
    UNIX_EPOCH + Duration::from_millis(ms)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(expires_in: Duration) -> TokenSet {
        TokenSet::received(AccessToken::new("a"), None, Some(expires_in), String::new())
    }

    #[test]
    fn refreshes_sixty_seconds_before_expiry() {
        let t = set(Duration::from_secs(3600));
        assert_eq!(t.expires_at.unwrap() - t.refresh_at.unwrap(), 60_000);
        assert!(!t.needs_refresh());
        assert!(set(Duration::from_secs(30)).refresh_at.is_some());
    }

    #[test]
    fn short_lifetimes_refresh_halfway() {
        let t = set(Duration::from_secs(20));
        let margin = t.expires_at.unwrap() - t.refresh_at.unwrap();
        assert!((9_990..=10_000).contains(&margin), "{margin}");
        assert!(!t.needs_refresh());
    }

    #[test]
    fn past_expiry_needs_refresh() {
        let t = TokenSet::new(
            AccessToken::new("a"),
            None,
            Some(SystemTime::now() - Duration::from_secs(1)),
            "",
        );
        assert!(t.needs_refresh());
        let never = TokenSet::new(AccessToken::new("a"), None, None, "");
        assert!(!never.needs_refresh());
    }
}
