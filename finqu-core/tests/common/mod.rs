//! Shared by the client tests: a token source backed by the fake Finqu.

#![allow(dead_code, unreachable_pub, reason = "each test binary uses a part")]

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use finqu_core::{AccessToken, TokenError, TokenSource};
use finqu_testkit::FakeFinqu;
use futures_util::future::BoxFuture;

/// Hands out `current`; on a 401 mints a new token from the fake, counting refreshes.
#[derive(Debug)]
pub struct TestTokens {
    finqu: Arc<FakeFinqu>,
    scope: &'static str,
    pub current: std::sync::Mutex<AccessToken>,
    pub refreshes: AtomicUsize,
}

impl TestTokens {
    pub fn new(finqu: &Arc<FakeFinqu>, scope: &'static str) -> Arc<Self> {
        let token = AccessToken::new(finqu.issue_tokens(scope).access_token());
        Arc::new(TestTokens {
            finqu: Arc::clone(finqu),
            scope,
            current: std::sync::Mutex::new(token),
            refreshes: AtomicUsize::new(0),
        })
    }
}

impl TokenSource for TestTokens {
    fn access_token(&self) -> BoxFuture<'_, Result<AccessToken, TokenError>> {
        let token = self.current.lock().unwrap().clone();
        Box::pin(async move { Ok(token) })
    }

    fn refresh_after_unauthorized<'a>(
        &'a self,
        _rejected: &'a AccessToken,
    ) -> BoxFuture<'a, Result<AccessToken, TokenError>> {
        self.refreshes.fetch_add(1, Ordering::SeqCst);
        let fresh = AccessToken::new(self.finqu.issue_tokens(self.scope).access_token());
        *self.current.lock().unwrap() = fresh.clone();
        Box::pin(async move { Ok(fresh) })
    }
}
