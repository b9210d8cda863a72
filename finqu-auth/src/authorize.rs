//! [`Authorizer`]: from the authorize URL to a [`Session`].

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use finqu_core::{Grant, verify_grant};
use oauth2::{CsrfToken, PkceCodeChallenge, Scope};
use secrecy::{ExposeSecret, SecretString};
use url::Url;

use crate::callback::{Callback, check_state};
use crate::config::{AuthorizerBuilder, Settings};
use crate::discovery::discover;
use crate::exchange::exchange_code;
use crate::store::StoredSession;
use crate::url_policy::check_url;
use crate::{AuthError, ClientSecret, PendingAuthorization, Session};

/// Runs the OAuth 2.0 authorization-code flow for grant `G`.
///
/// Cheap to clone; share one per app. See the [crate docs](crate) for the whole flow.
pub struct Authorizer<G> {
    pub(crate) settings: Arc<Settings>,
    _grant: PhantomData<fn() -> G>,
}

impl<G> Clone for Authorizer<G> {
    fn clone(&self) -> Self {
        Authorizer {
            settings: Arc::clone(&self.settings),
            _grant: PhantomData,
        }
    }
}

impl<G> fmt::Debug for Authorizer<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authorizer")
            .field("grant", &std::any::type_name::<G>())
            .field("settings", &self.settings)
            .finish()
    }
}

impl<G: Grant> Authorizer<G> {
    /// Starts the configuration with the app's credentials and its redirect URI.
    pub fn builder(
        client_id: impl Into<String>,
        client_secret: impl Into<ClientSecret>,
        redirect_uri: impl Into<String>,
    ) -> AuthorizerBuilder<G> {
        AuthorizerBuilder::new(client_id, client_secret, redirect_uri)
    }

    pub(crate) fn from_settings(settings: Settings) -> Self {
        Authorizer {
            settings: Arc::new(settings),
            _grant: PhantomData,
        }
    }

    /// The URL to send the merchant's browser to, with `G`'s scopes, a fresh
    /// random `state` and (unless turned off) a PKCE S256 challenge; and the
    /// [`PendingAuthorization`] to keep until the callback.
    pub fn authorize_url(&self) -> (Url, PendingAuthorization) {
        let oauth = self.settings.oauth();
        let mut request = oauth.authorize_url(CsrfToken::new_random).add_scopes(
            G::scope_names()
                .into_iter()
                .map(|s| Scope::new(s.to_owned())),
        );
        let mut verifier = None;
        if self.settings.pkce {
            let (challenge, v) = PkceCodeChallenge::new_random_sha256();
            request = request.set_pkce_challenge(challenge);
            verifier = Some(SecretString::from(v.into_secret()));
        }
        let (url, state) = request.url();
        let pending = PendingAuthorization {
            state: SecretString::from(state.into_secret()),
            pkce_verifier: verifier,
            redirect_uri: self.settings.redirect_uri.to_string(),
            scope: G::scope_param(),
        };
        (url, pending)
    }

    /// Completes the authorization from the URL the browser was redirected
    /// to (absolute, or just its path and query).
    ///
    /// The `state` is checked first, in constant time; on a mismatch nothing
    /// is sent anywhere. Then the code is exchanged (with the PKCE verifier),
    /// the granted scopes are checked against `G`, the merchant is
    /// discovered, and the session is saved to the store, if there is one.
    ///
    /// # Errors
    ///
    /// [`AuthError::StateMismatch`], [`AuthError::Authorization`] for an
    /// `error=` callback (e.g. `access_denied`), [`AuthError::TokenEndpoint`],
    /// [`AuthError::MissingScopes`] for a narrower grant,
    /// [`AuthError::Discovery`] or [`AuthError::InsecureUrl`] for a bad
    /// resource answer, [`AuthError::Http`], [`AuthError::Store`].
    pub async fn complete(
        &self,
        pending: PendingAuthorization,
        callback_url: &str,
    ) -> Result<Session<G>, AuthError> {
        let callback = Callback::parse(callback_url)?;
        check_state(&pending.state, callback.state.as_ref())?;
        if let Some(error) = callback.error {
            return Err(AuthError::Authorization {
                error,
                description: callback.error_description,
            });
        }
        let code = callback.code.ok_or_else(|| {
            AuthError::InvalidCallback("it has neither `code` nor `error`".into())
        })?;
        self.finish(pending, &code).await
    }

    /// Completes the authorization from the `code` and `state` of the
    /// callback, for apps whose web framework already parsed the query.
    ///
    /// # Errors
    ///
    /// As [`complete`](Self::complete).
    pub async fn complete_with_code(
        &self,
        pending: PendingAuthorization,
        code: &str,
        state: &str,
    ) -> Result<Session<G>, AuthError> {
        check_state(&pending.state, Some(&SecretString::from(state)))?;
        self.finish(pending, &SecretString::from(code)).await
    }

    async fn finish(
        &self,
        pending: PendingAuthorization,
        code: &SecretString,
    ) -> Result<Session<G>, AuthError> {
        if pending.scope != G::scope_param() {
            return Err(AuthError::Config(format!(
                "the pending authorization asked for `{}` but this authorizer's grant is `{}`",
                pending.scope,
                G::scope_param()
            )));
        }
        if pending.redirect_uri != self.settings.redirect_uri.as_str() {
            return Err(AuthError::Config(
                "the pending authorization was made with another redirect URI".into(),
            ));
        }
        if code.expose_secret().is_empty() {
            return Err(AuthError::InvalidCallback("`code` is empty".into()));
        }
        let tokens = exchange_code(
            Arc::clone(&self.settings),
            code,
            pending.pkce_verifier.as_ref(),
            pending.scope.clone(),
        )
        .await?;
        verify_grant::<G>(Some(tokens.scope()))?;
        let merchant = discover(&self.settings, tokens.access_token()).await?;
        let stored = StoredSession::new(merchant, tokens);
        if let Some(store) = &self.settings.store {
            store.save(&stored).await?;
        }
        Ok(Session::new(Arc::clone(&self.settings), stored))
    }

    /// Resumes `merchant_id`'s session from the configured store, without a
    /// new authorization. The stored grant is checked against `G` again.
    ///
    /// # Errors
    ///
    /// [`AuthError::Config`] when no store is configured,
    /// [`AuthError::NotStored`], [`AuthError::Store`], and as
    /// [`session_from`](Self::session_from).
    pub async fn resume(&self, merchant_id: &str) -> Result<Session<G>, AuthError> {
        let store = self.settings.store.as_ref().ok_or_else(|| {
            AuthError::Config("resuming a session needs a store: call `store(...)`".into())
        })?;
        let stored = store
            .load(merchant_id)
            .await?
            .ok_or_else(|| AuthError::NotStored {
                merchant_id: merchant_id.to_owned(),
            })?;
        self.session_from(stored)
    }

    /// A session from tokens obtained elsewhere (or loaded by hand). Refreshes
    /// are saved to the configured store, if any.
    ///
    /// # Errors
    ///
    /// [`AuthError::MissingScopes`] when the tokens grant less than `G`;
    /// [`AuthError::InsecureUrl`] when the API URL is not acceptable.
    pub fn session_from(&self, stored: StoredSession) -> Result<Session<G>, AuthError> {
        verify_grant::<G>(Some(stored.tokens().scope()))?;
        check_url(
            "API",
            stored.merchant().api_url(),
            self.settings.allow_loopback_http,
        )?;
        Ok(Session::new(Arc::clone(&self.settings), stored))
    }
}
