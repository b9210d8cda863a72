//! Request counters per route key and per token grant type.

use std::collections::{BTreeMap, HashMap};

/// The route key of the token endpoint, whose grant types are counted too.
pub(crate) const TOKEN_ROUTE: &str = "POST /oauth2/access_token";

#[derive(Debug, Default)]
pub(crate) struct Counters {
    routes: HashMap<String, u64>,
    grants: HashMap<String, u64>,
}

impl Counters {
    pub(crate) fn count_route(&mut self, key: &str) {
        *self.routes.entry(key.to_owned()).or_default() += 1;
    }

    pub(crate) fn count_grant(&mut self, grant_type: &str) {
        *self.grants.entry(grant_type.to_owned()).or_default() += 1;
    }

    pub(crate) fn route(&self, key: &str) -> u64 {
        self.routes.get(key).copied().unwrap_or(0)
    }

    pub(crate) fn grant(&self, grant_type: &str) -> u64 {
        self.grants.get(grant_type).copied().unwrap_or(0)
    }

    /// Sorted snapshots, for the control plane.
    pub(crate) fn snapshot(&self) -> (BTreeMap<String, u64>, BTreeMap<String, u64>) {
        (
            self.routes.iter().map(|(k, v)| (k.clone(), *v)).collect(),
            self.grants.iter().map(|(k, v)| (k.clone(), *v)).collect(),
        )
    }

    pub(crate) fn reset(&mut self) {
        self.routes.clear();
        self.grants.clear();
    }
}
