//! Token stores: where sessions survive restarts.

mod file;
mod memory;

use std::fmt;
use std::path::PathBuf;

use futures_util::future::BoxFuture;
use serde::{Deserialize, Serialize};

pub use file::FileStore;
pub use memory::MemoryStore;

use crate::{Merchant, TokenSet};

/// One merchant's session as stored: the merchant and its tokens.
///
/// Its JSON holds the tokens; its `Debug` does not.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredSession {
    merchant: Merchant,
    tokens: TokenSet,
}

impl StoredSession {
    /// A session to store or to resume from.
    pub fn new(merchant: Merchant, tokens: TokenSet) -> Self {
        StoredSession { merchant, tokens }
    }

    /// The merchant.
    pub fn merchant(&self) -> &Merchant {
        &self.merchant
    }

    /// The tokens.
    pub fn tokens(&self) -> &TokenSet {
        &self.tokens
    }

    /// The merchant and the tokens, by value.
    pub fn into_parts(self) -> (Merchant, TokenSet) {
        (self.merchant, self.tokens)
    }
}

/// Where sessions are kept, one per merchant id. Object safe: sessions hold
/// an `Arc<dyn TokenStore>`.
///
/// `save` must be atomic: a reader sees the old session or the new one,
/// never a mix, even when several writers race.
///
/// ```
/// use finqu_auth::{MemoryStore, TokenStore};
/// use std::sync::Arc;
///
/// let store: Arc<dyn TokenStore> = Arc::new(MemoryStore::new());
/// # let _ = store;
/// ```
pub trait TokenStore: Send + Sync + fmt::Debug {
    /// The session stored for `merchant_id`, if any.
    fn load<'a>(
        &'a self,
        merchant_id: &'a str,
    ) -> BoxFuture<'a, Result<Option<StoredSession>, StoreError>>;

    /// Stores `session` under its merchant's id, replacing what was there.
    fn save<'a>(&'a self, session: &'a StoredSession) -> BoxFuture<'a, Result<(), StoreError>>;

    /// Forgets `merchant_id`'s session (no error when there is none).
    fn remove<'a>(&'a self, merchant_id: &'a str) -> BoxFuture<'a, Result<(), StoreError>>;
}

/// Why a token store failed. Never holds a token.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// Reading or writing a file failed.
    #[error("token store: cannot {action} `{}`", path.display())]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file or directory.
        path: PathBuf,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// A stored session could not be read back.
    #[error("token store: `{}` is not a stored session ({detail}); remove it and authorize again", path.display())]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// Where it is malformed (never its content).
        detail: String,
    },
    /// Any other failure, for stores outside this crate.
    #[error("token store: {0}")]
    Other(Box<dyn std::error::Error + Send + Sync>),
}
