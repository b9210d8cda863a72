//! The token lifecycle behind a [`Session`](crate::Session): single-flight
//! refresh, rotation, persistence.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

use finqu_core::{AccessToken, MissingScopes, TokenError};

use crate::config::Settings;
use crate::exchange;
use crate::store::StoredSession;
use crate::{AuthError, Merchant, TokenSet};

/// What a session shares between its clones.
pub(crate) struct Inner {
    settings: Arc<Settings>,
    pub(crate) merchant: Merchant,
    tokens: Mutex<TokenSet>,
    /// Held across a whole refresh: one refresh at a time, callers queue (FIFO).
    refresh_lock: tokio::sync::Mutex<()>,
    /// The tokens in memory are newer than the store's: save before anything else.
    unsaved: AtomicBool,
    /// The refresh token was rejected: only a new authorization helps.
    revoked: AtomicBool,
    verify: fn(Option<&str>) -> Result<(), MissingScopes>,
}

/// Why a refresh was asked for.
enum Trigger {
    /// The token is about to expire.
    Expiring,
    /// The server answered 401 to this token.
    Rejected(AccessToken),
}

impl Inner {
    pub(crate) fn new(
        settings: Arc<Settings>,
        stored: StoredSession,
        verify: fn(Option<&str>) -> Result<(), MissingScopes>,
    ) -> Self {
        let (merchant, tokens) = stored.into_parts();
        Inner {
            settings,
            merchant,
            tokens: Mutex::new(tokens),
            refresh_lock: tokio::sync::Mutex::new(()),
            unsaved: AtomicBool::new(false),
            revoked: AtomicBool::new(false),
            verify,
        }
    }

    pub(crate) fn snapshot(&self) -> TokenSet {
        self.tokens
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The current token, refreshed first when it is about to expire.
    pub(crate) async fn token(self: &Arc<Self>) -> Result<AccessToken, TokenError> {
        let current = self.snapshot();
        if !current.needs_refresh() && !self.unsaved.load(Ordering::Acquire) {
            return Ok(current.access_token().clone());
        }
        self.run(Trigger::Expiring).await
    }

    /// A fresh token after a 401 to `rejected`.
    pub(crate) async fn after_unauthorized(
        self: &Arc<Self>,
        rejected: &AccessToken,
    ) -> Result<AccessToken, TokenError> {
        self.run(Trigger::Rejected(rejected.clone())).await
    }

    async fn run(self: &Arc<Self>, trigger: Trigger) -> Result<AccessToken, TokenError> {
        let inner = Arc::clone(self);
        // A task of its own: a caller that gives up midway cannot drop a
        // rotated refresh token between the server's answer and the store.
        match tokio::spawn(async move { inner.refresh(trigger).await }).await {
            Ok(result) => result,
            Err(e) => Err(TokenError::new(
                format!(
                    "refreshing the token of {} failed unexpectedly",
                    self.merchant
                ),
                Some(Box::new(e)),
            )),
        }
    }

    async fn refresh(&self, trigger: Trigger) -> Result<AccessToken, TokenError> {
        let _guard = self.refresh_lock.lock().await;
        let current = self.snapshot();
        if self.unsaved.load(Ordering::Acquire) {
            self.persist(current.clone()).await?;
        }
        // Re-check under the lock: another caller may have refreshed meanwhile.
        let needed = match &trigger {
            Trigger::Expiring => current.needs_refresh(),
            Trigger::Rejected(rejected) => current.access_token() == rejected,
        };
        if !needed {
            return Ok(current.access_token().clone());
        }
        if self.revoked.load(Ordering::Acquire) {
            return Err(self.reauthorize("the refresh token was rejected earlier (invalid_grant)"));
        }
        let Some(refresh_token) = current.refresh_token().cloned() else {
            return Err(self.reauthorize("the session has no refresh token"));
        };
        let scope = current.scope().to_owned();
        tracing::debug!(merchant = %self.merchant.id(), "refreshing the access token");
        let fresh = match exchange::refresh(Arc::clone(&self.settings), &refresh_token, scope).await
        {
            Ok(fresh) => fresh.keep_refresh_token_of(&current),
            Err(AuthError::TokenEndpoint { error, .. }) if error == "invalid_grant" => {
                self.revoked.store(true, Ordering::Release);
                tracing::warn!(merchant = %self.merchant.id(), "refresh token rejected: re-authorization required");
                return Err(self.reauthorize("the refresh token was rejected (invalid_grant)"));
            }
            Err(e) => {
                return Err(TokenError::new(
                    format!("refreshing the token of {} failed: {e}", self.merchant),
                    Some(Box::new(e)),
                ));
            }
        };
        // `unsaved` before memory: fast-path readers then queue on the lock
        // until the store has the tokens, so nothing uses them unsaved; and a
        // failing store never loses a rotated refresh token (the next call retries).
        self.unsaved.store(true, Ordering::Release);
        *self.tokens.lock().unwrap_or_else(PoisonError::into_inner) = fresh.clone();
        self.persist(fresh.clone()).await?;
        if let Err(missing) = (self.verify)(Some(fresh.scope())) {
            return Err(AuthError::from(missing).into());
        }
        Ok(fresh.access_token().clone())
    }

    /// Saves `tokens` to the store (if any) and clears `unsaved` when it worked.
    async fn persist(&self, tokens: TokenSet) -> Result<(), TokenError> {
        if let Some(store) = &self.settings.store {
            let stored = StoredSession::new(self.merchant.clone(), tokens);
            if let Err(e) = store.save(&stored).await {
                return Err(TokenError::new(
                    format!(
                        "the new tokens of {} could not be saved (kept in memory; the next call saves them again): {e}",
                        self.merchant
                    ),
                    Some(Box::new(e)),
                ));
            }
        }
        self.unsaved.store(false, Ordering::Release);
        Ok(())
    }

    fn reauthorize(&self, reason: &str) -> TokenError {
        AuthError::ReauthorizationRequired {
            merchant: self.merchant.to_string(),
            reason: reason.to_owned(),
        }
        .into()
    }
}
