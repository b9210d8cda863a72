//! The state one server shares between its handlers and its handle.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::config::Builder;
use crate::counters::Counters;
use crate::faults::Faults;
use crate::identity::{Merchant, TestClient, Tokens};
use crate::jwt::{Claims, Keys};
use crate::store::Store;

/// Cheap to clone: every handler gets one.
#[derive(Clone)]
pub(crate) struct AppState(pub(crate) Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;
    fn deref(&self) -> &Shared {
        &self.0
    }
}

/// What never changes after start, plus the mutable [`Inner`] behind a lock.
pub(crate) struct Shared {
    pub(crate) config: Builder,
    pub(crate) client: TestClient,
    pub(crate) merchant: Merchant,
    /// `http://127.0.0.1:PORT`
    pub(crate) login_url: String,
    /// `http://127.0.0.1:PORT/api/1.2`
    pub(crate) api_url: String,
    /// `/api/1.2`
    pub(crate) api_prefix: String,
    pub(crate) keys: Keys,
    /// Every `METHOD /path` key of the route table.
    pub(crate) route_keys: HashSet<String>,
    inner: Mutex<Inner>,
}

/// Everything requests change.
#[derive(Default)]
pub(crate) struct Inner {
    pub(crate) auth: AuthState,
    pub(crate) faults: Faults,
    pub(crate) counters: Counters,
    pub(crate) store: Store,
}

/// Codes, live tokens and consent switches.
#[derive(Default)]
pub(crate) struct AuthState {
    pub(crate) codes: HashMap<String, CodeRecord>,
    /// Live access tokens by `jti`, with their exact expiry.
    pub(crate) access: HashMap<String, Instant>,
    pub(crate) refresh: HashMap<String, RefreshRecord>,
    /// How many upcoming authorizations answer `access_denied`.
    pub(crate) deny_next: u32,
}

/// A pending or redeemed authorization code.
pub(crate) struct CodeRecord {
    pub(crate) client_id: String,
    pub(crate) redirect_uri: String,
    pub(crate) scope: String,
    pub(crate) challenge: Option<String>,
    pub(crate) expires_at: Instant,
    /// `(jti, refresh token)` issued for it: revoked if the code is replayed.
    pub(crate) redeemed: Option<(String, String)>,
}

/// A live refresh token.
pub(crate) struct RefreshRecord {
    pub(crate) client_id: String,
    pub(crate) scope: String,
}

/// Why a bearer token was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TokenError {
    Missing,
    Invalid,
}

impl Shared {
    pub(crate) fn new(
        config: Builder,
        login_url: String,
        route_keys: HashSet<String>,
    ) -> Result<Self, jsonwebtoken::errors::Error> {
        let api_prefix = format!("/api/{}", crate::config::API_VERSION);
        let inner = Inner {
            store: Store::seed(&config),
            ..Inner::default()
        };
        Ok(Self {
            client: TestClient {
                id: config.client_id.clone(),
                secret: config.client_secret.clone(),
                redirect_uris: config.redirect_uris.clone(),
            },
            merchant: Merchant {
                id: config.merchant_id.clone(),
                name: config.merchant_name.clone(),
            },
            api_url: format!("{login_url}{api_prefix}"),
            keys: Keys::random(&login_url)?,
            login_url,
            api_prefix,
            route_keys,
            config,
            inner: Mutex::new(inner),
        })
    }

    /// The mutable state. A panic elsewhere never makes it unusable.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// `expires_in` for the configured lifetime: whole seconds, rounded up, at least 1.
    pub(crate) fn expires_in(&self) -> u64 {
        let ttl = self.config.token_ttl;
        (ttl.as_secs() + u64::from(ttl.subsec_nanos() > 0)).max(1)
    }

    /// Mint an access token and a refresh token for `scope`, and record both;
    /// the tokens and the access token's `jti`.
    /// The refresh token carries `refresh_scope` (the whole grant) while the
    /// access token may carry a narrower `scope`.
    pub(crate) fn issue(
        &self,
        auth: &mut AuthState,
        client_id: &str,
        scope: &str,
        refresh_scope: &str,
    ) -> Result<(Tokens, String), jsonwebtoken::errors::Error> {
        let (access_token, jti) = self.access_token(auth, client_id, scope)?;
        let refresh_token = self.refresh_token(auth, client_id, refresh_scope);
        let tokens = Tokens {
            access_token,
            refresh_token,
            expires_in: self.expires_in(),
            scope: scope.to_owned(),
        };
        Ok((tokens, jti))
    }

    /// Mint and record an access token; the token and its `jti`.
    pub(crate) fn access_token(
        &self,
        auth: &mut AuthState,
        client_id: &str,
        scope: &str,
    ) -> Result<(String, String), jsonwebtoken::errors::Error> {
        let now = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or(Duration::ZERO);
        let claims = Claims {
            iss: self.login_url.clone(),
            sub: format!("merchant/{}", self.merchant.id),
            merchant_id: self.merchant.id.clone(),
            client_id: client_id.to_owned(),
            scope: scope.to_owned(),
            iat: now.as_secs(),
            // Never before the exact expiry: that is kept server-side.
            exp: now.as_secs() + self.expires_in(),
            jti: crate::random::token(16),
        };
        let token = self.keys.sign(&claims)?;
        auth.access
            .insert(claims.jti.clone(), Instant::now() + self.config.token_ttl);
        Ok((token, claims.jti))
    }

    /// Mint and record a refresh token.
    pub(crate) fn refresh_token(
        &self,
        auth: &mut AuthState,
        client_id: &str,
        scope: &str,
    ) -> String {
        let token = format!("rt-{}", crate::random::token(32));
        auth.refresh.insert(
            token.clone(),
            RefreshRecord {
                client_id: client_id.to_owned(),
                scope: scope.to_owned(),
            },
        );
        token
    }

    /// The claims of a bearer token this server issued and that is still live.
    pub(crate) fn verify_bearer(&self, header: Option<&str>) -> Result<Claims, TokenError> {
        let token = header.and_then(bearer_token).ok_or(TokenError::Missing)?;
        let claims = self.keys.verify(token).ok_or(TokenError::Invalid)?;
        let live = self
            .lock()
            .auth
            .access
            .get(&claims.jti)
            .is_some_and(|expiry| Instant::now() < *expiry);
        if live {
            Ok(claims)
        } else {
            Err(TokenError::Invalid)
        }
    }
}

/// The token of an `Authorization: Bearer <token>` header value.
fn bearer_token(value: &str) -> Option<&str> {
    let (scheme, token) = value.split_once(' ')?;
    let token = token.trim();
    (scheme.eq_ignore_ascii_case("bearer") && !token.is_empty()).then_some(token)
}
