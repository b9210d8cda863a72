//! [`Session`]: one merchant's authorized session, a finqu-core token source.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use finqu_core::{
    AccessToken, Client, ClientBuilder, Grant, TokenError, TokenSource, verify_grant,
};
use futures_util::future::BoxFuture;
use url::Url;

use crate::config::Settings;
use crate::refresh::Inner;
use crate::store::StoredSession;
use crate::{Merchant, TokenSet};

/// A merchant's session for grant `G`: its merchant, API URL and tokens.
///
/// It is finqu-core's [`TokenSource`]: it hands out the access token,
/// refreshes it 60 s before expiry (once for all concurrent callers), and
/// after a 401 refreshes once unless another caller already did. A rotated
/// refresh token is saved to the store before anything uses it. Cheap to
/// clone (an `Arc` inside); clones share the tokens.
pub struct Session<G> {
    inner: Arc<Inner>,
    _grant: PhantomData<fn() -> G>,
}

impl<G> Clone for Session<G> {
    fn clone(&self) -> Self {
        Session {
            inner: Arc::clone(&self.inner),
            _grant: PhantomData,
        }
    }
}

impl<G> fmt::Debug for Session<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Session")
            .field("grant", &std::any::type_name::<G>())
            .field("merchant", &self.inner.merchant)
            .finish_non_exhaustive()
    }
}

impl<G: Grant> Session<G> {
    pub(crate) fn new(settings: Arc<Settings>, stored: StoredSession) -> Self {
        Session {
            inner: Arc::new(Inner::new(settings, stored, verify_grant::<G>)),
            _grant: PhantomData,
        }
    }

    /// The merchant that authorized the app.
    pub fn merchant(&self) -> &Merchant {
        &self.inner.merchant
    }

    /// The base URL of the merchant's REST API, version included.
    pub fn api_url(&self) -> &Url {
        self.inner.merchant.api_url()
    }

    /// A finqu-core client for the merchant's API that takes its tokens from this session.
    pub fn client(&self) -> Client<G> {
        Client::new(self.api_url().clone(), Arc::new(self.clone()))
    }

    /// A builder for such a client, to set timeouts, retries, the user agent
    /// or a `reqwest::Client` of your own.
    pub fn client_builder(&self) -> ClientBuilder<G> {
        Client::builder(self.api_url().clone(), Arc::new(self.clone()))
    }

    /// The current tokens (a copy; they hold secrets).
    pub fn tokens(&self) -> TokenSet {
        self.inner.snapshot()
    }

    /// The session as a store keeps it.
    pub fn to_stored(&self) -> StoredSession {
        StoredSession::new(self.inner.merchant.clone(), self.inner.snapshot())
    }

    /// Refreshes now, whatever the expiry; for tests and for apps that
    /// rotate tokens on their own schedule.
    ///
    /// # Errors
    ///
    /// As [`TokenSource::access_token`]; `is_reauthorization_required()` when
    /// the refresh token was rejected.
    pub async fn refresh_now(&self) -> Result<AccessToken, TokenError> {
        let current = self.inner.snapshot().access_token().clone();
        self.inner.after_unauthorized(&current).await
    }
}

impl<G: Grant> TokenSource for Session<G> {
    fn access_token(&self) -> BoxFuture<'_, Result<AccessToken, TokenError>> {
        Box::pin(self.inner.token())
    }

    fn refresh_after_unauthorized<'a>(
        &'a self,
        rejected: &'a AccessToken,
    ) -> BoxFuture<'a, Result<AccessToken, TokenError>> {
        Box::pin(self.inner.after_unauthorized(rejected))
    }
}

#[allow(dead_code)] // Compile-time proof only.
fn _assert_impls() {
    fn send_sync_clone<T: Send + Sync + Clone + 'static>() {}
    finqu_core::grant!(Any = "orders_read");
    send_sync_clone::<Session<Any>>();
    send_sync_clone::<crate::Authorizer<Any>>();
}
