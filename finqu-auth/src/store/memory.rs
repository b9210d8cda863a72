//! [`MemoryStore`]: sessions in a map, for tests and short-lived programs.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, PoisonError};

use futures_util::future::BoxFuture;

use super::{StoreError, StoredSession, TokenStore};

/// Keeps sessions in memory; they are gone when the program ends.
#[derive(Default)]
pub struct MemoryStore {
    sessions: Mutex<HashMap<String, StoredSession>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, StoredSession>> {
        self.sessions.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl fmt::Debug for MemoryStore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut ids: Vec<String> = self.map().keys().cloned().collect();
        ids.sort();
        f.debug_struct("MemoryStore")
            .field("merchants", &ids)
            .finish()
    }
}

impl TokenStore for MemoryStore {
    fn load<'a>(
        &'a self,
        merchant_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<StoredSession>, StoreError>> {
        let found = self.map().get(merchant_id).cloned();
        Box::pin(async move { Ok(found) })
    }

    fn save<'a>(&'a self, session: &'a StoredSession) -> BoxFuture<'a, Result<(), StoreError>> {
        self.map()
            .insert(session.merchant().id().to_owned(), session.clone());
        Box::pin(async { Ok(()) })
    }

    fn remove<'a>(&'a self, merchant_id: &'a str) -> BoxFuture<'a, Result<(), StoreError>> {
        self.map().remove(merchant_id);
        Box::pin(async { Ok(()) })
    }
}
