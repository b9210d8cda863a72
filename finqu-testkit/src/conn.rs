//! A per-connection switch that lets a fault close the socket without answering.

use std::sync::Arc;

use tokio::sync::Notify;

/// Put into every request's extensions by the accept loop.
#[derive(Clone, Default)]
pub(crate) struct ConnectionKiller(Arc<Notify>);

impl ConnectionKiller {
    /// Close this connection: the accept loop drops it, unanswered.
    pub(crate) fn kill(&self) {
        self.0.notify_one();
    }

    /// Resolves once [`kill`](Self::kill) was called.
    pub(crate) async fn killed(&self) {
        self.0.notified().await;
    }
}
