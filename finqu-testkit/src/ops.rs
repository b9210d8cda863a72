//! The controls, shared by the library handle and the HTTP control plane.

use serde_json::{Value, json};

use crate::faults::Fault;
use crate::identity::Tokens;
use crate::state::Shared;
use crate::store::Collection;

/// A route key that names no route of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct UnknownRoute(pub(crate) String);

impl std::fmt::Display for UnknownRoute {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{:?} is not a route key; expected \"METHOD /path/template\" such as \"POST /orders\" \
             or \"POST /oauth2/access_token\" (see finqu_testkit::routes())",
            self.0
        )
    }
}

impl Shared {
    pub(crate) fn check_route(&self, key: &str) -> Result<(), UnknownRoute> {
        if self.route_keys.contains(key) {
            Ok(())
        } else {
            Err(UnknownRoute(key.to_owned()))
        }
    }

    pub(crate) fn fail_next(
        &self,
        key: &str,
        times: u32,
        fault: Fault,
    ) -> Result<(), UnknownRoute> {
        self.check_route(key)?;
        self.lock().faults.push(key, times, fault);
        Ok(())
    }

    pub(crate) fn count(&self, key: &str) -> Result<u64, UnknownRoute> {
        self.check_route(key)?;
        Ok(self.lock().counters.route(key))
    }

    /// Tokens for `scope` without the browser flow, for the registered client.
    pub(crate) fn mint(&self, scope: &str) -> Result<Tokens, jsonwebtoken::errors::Error> {
        let scope = scope.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut inner = self.lock();
        self.issue(&mut inner.auth, &self.client.id, &scope, &scope)
            .map(|(tokens, _)| tokens)
    }

    pub(crate) fn expire_all_tokens(&self) {
        self.lock().auth.access.clear();
    }

    pub(crate) fn revoke_refresh_token(&self, token: &str) -> bool {
        self.lock().auth.refresh.remove(token).is_some()
    }

    pub(crate) fn deny_next_authorization(&self) {
        self.lock().auth.deny_next += 1;
    }

    pub(crate) fn records(&self, collection: Collection) -> Vec<Value> {
        let inner = self.lock();
        let records = inner.store.records(collection).items.values();
        records.map(|r| Value::Object(r.clone())).collect()
    }

    /// What a program needs to talk to this fake; the binary prints it first.
    pub(crate) fn info(&self) -> Value {
        json!({
            "login_url": self.login_url,
            "authorize_url": format!("{}/oauth2/authorize", self.login_url),
            "token_url": format!("{}/oauth2/access_token", self.login_url),
            "resource_url": format!("{}/oauth2/resource", self.login_url),
            "api_url": self.api_url,
            "api_version": crate::config::API_VERSION,
            "control_url": format!("{}/__testkit", self.login_url),
            "client_id": self.client.id,
            "client_secret": self.client.secret,
            "redirect_uri": self.client.redirect_uri(),
            "redirect_uris": self.client.redirect_uris,
            "merchant_id": self.merchant.id,
            "merchant_name": self.merchant.name,
        })
    }
}
