//! How an [`Authorizer`] is configured: client credentials, endpoints, options.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use finqu_core::Grant;
use oauth2::basic::BasicClient;
use oauth2::{AuthType, AuthUrl, ClientId, EndpointNotSet, EndpointSet, RedirectUrl, TokenUrl};
use url::Url;

use crate::authorize::Authorizer;
use crate::store::TokenStore;
use crate::url_policy::check_url;
use crate::{AuthError, ClientSecret};

/// Finqu's authorize endpoint.
pub const DEFAULT_AUTHORIZE_URL: &str = "https://login.finqu.com/oauth2/authorize";
/// Finqu's token endpoint.
pub const DEFAULT_TOKEN_URL: &str = "https://login.finqu.com/oauth2/access_token";
/// Finqu's resource (discovery) endpoint.
pub const DEFAULT_RESOURCE_URL: &str = "https://login.finqu.com/oauth2/resource";
/// The API version appended to `endpoints.api` when the resource answer has no `api_url`.
pub const DEFAULT_API_VERSION: &str = "1.2";

/// How the app proves its identity to the token endpoint.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ClientAuth {
    /// `client_id` and `client_secret` in the form body, as Finqu's guide documents. The default.
    #[default]
    RequestBody,
    /// HTTP Basic, as Finqu's command-line client sends.
    BasicAuth,
}

/// The configuration an [`Authorizer`] and its sessions share.
pub(crate) struct Settings {
    pub(crate) client_id: String,
    pub(crate) client_secret: ClientSecret,
    pub(crate) redirect_uri: Url,
    pub(crate) authorize_url: Url,
    pub(crate) token_url: Url,
    pub(crate) resource_url: Url,
    pub(crate) client_auth: ClientAuth,
    pub(crate) pkce: bool,
    pub(crate) api_version: String,
    pub(crate) allow_loopback_http: bool,
    pub(crate) http: reqwest::Client,
    pub(crate) store: Option<Arc<dyn TokenStore>>,
}

pub(crate) type OAuthClient =
    BasicClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointSet>;

impl Settings {
    /// The `oauth2` client for one request.
    pub(crate) fn oauth(&self) -> OAuthClient {
        BasicClient::new(ClientId::new(self.client_id.clone()))
            .set_client_secret(oauth2::ClientSecret::new(
                self.client_secret.secret().to_owned(),
            ))
            .set_auth_uri(AuthUrl::from_url(self.authorize_url.clone()))
            .set_token_uri(TokenUrl::from_url(self.token_url.clone()))
            .set_redirect_uri(RedirectUrl::from_url(self.redirect_uri.clone()))
            .set_auth_type(match self.client_auth {
                ClientAuth::RequestBody => AuthType::RequestBody,
                ClientAuth::BasicAuth => AuthType::BasicAuth,
            })
    }
}

impl fmt::Debug for Settings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Settings")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("redirect_uri", &self.redirect_uri.as_str())
            .field("authorize_url", &self.authorize_url.as_str())
            .field("token_url", &self.token_url.as_str())
            .field("resource_url", &self.resource_url.as_str())
            .field("client_auth", &self.client_auth)
            .field("pkce", &self.pkce)
            .field("api_version", &self.api_version)
            .field("allow_loopback_http", &self.allow_loopback_http)
            .field("store", &self.store)
            .finish_non_exhaustive()
    }
}

/// Builds an [`Authorizer`]; start with [`Authorizer::builder`].
pub struct AuthorizerBuilder<G> {
    client_id: String,
    client_secret: ClientSecret,
    redirect_uri: String,
    authorize_url: String,
    token_url: String,
    resource_url: String,
    client_auth: ClientAuth,
    pkce: bool,
    api_version: String,
    allow_loopback_http: bool,
    store: Option<Arc<dyn TokenStore>>,
    _grant: PhantomData<fn() -> G>,
}

impl<G> fmt::Debug for AuthorizerBuilder<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AuthorizerBuilder")
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret)
            .field("redirect_uri", &self.redirect_uri)
            .field("authorize_url", &self.authorize_url)
            .field("token_url", &self.token_url)
            .field("resource_url", &self.resource_url)
            .field("client_auth", &self.client_auth)
            .field("pkce", &self.pkce)
            .field("api_version", &self.api_version)
            .field("allow_loopback_http", &self.allow_loopback_http)
            .finish_non_exhaustive()
    }
}

impl<G: Grant> AuthorizerBuilder<G> {
    pub(crate) fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<ClientSecret>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        AuthorizerBuilder {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            redirect_uri: redirect_uri.into(),
            authorize_url: DEFAULT_AUTHORIZE_URL.to_owned(),
            token_url: DEFAULT_TOKEN_URL.to_owned(),
            resource_url: DEFAULT_RESOURCE_URL.to_owned(),
            client_auth: ClientAuth::default(),
            pkce: true,
            api_version: DEFAULT_API_VERSION.to_owned(),
            allow_loopback_http: false,
            store: None,
            _grant: PhantomData,
        }
    }

    /// The authorize endpoint; default [`DEFAULT_AUTHORIZE_URL`].
    #[must_use]
    pub fn authorize_url(mut self, url: impl Into<String>) -> Self {
        self.authorize_url = url.into();
        self
    }

    /// The token endpoint; default [`DEFAULT_TOKEN_URL`].
    #[must_use]
    pub fn token_url(mut self, url: impl Into<String>) -> Self {
        self.token_url = url.into();
        self
    }

    /// The resource endpoint; default [`DEFAULT_RESOURCE_URL`].
    #[must_use]
    pub fn resource_url(mut self, url: impl Into<String>) -> Self {
        self.resource_url = url.into();
        self
    }

    /// Sets all three endpoints under one login server base URL:
    /// `{base}/oauth2/authorize`, `{base}/oauth2/access_token`, `{base}/oauth2/resource`.
    #[must_use]
    pub fn login_server(self, base: &str) -> Self {
        let base = base.trim_end_matches('/');
        self.authorize_url(format!("{base}/oauth2/authorize"))
            .token_url(format!("{base}/oauth2/access_token"))
            .resource_url(format!("{base}/oauth2/resource"))
    }

    /// How the client authenticates to the token endpoint; default [`ClientAuth::RequestBody`].
    #[must_use]
    pub fn client_auth(mut self, auth: ClientAuth) -> Self {
        self.client_auth = auth;
        self
    }

    /// PKCE with S256; default on. Turn it off only for a confidential client
    /// whose server rejects it.
    #[must_use]
    pub fn pkce(mut self, enabled: bool) -> Self {
        self.pkce = enabled;
        self
    }

    /// The API version appended to `endpoints.api` (e.g. `"3.0"`); default [`DEFAULT_API_VERSION`].
    #[must_use]
    pub fn api_version(mut self, version: impl Into<String>) -> Self {
        self.api_version = version.into();
        self
    }

    /// Accept plain `http` URLs to loopback addresses (`127.0.0.0/8`, `::1`,
    /// `localhost`), for tests and the fake server; default off.
    #[must_use]
    pub fn allow_loopback_http(mut self, allow: bool) -> Self {
        self.allow_loopback_http = allow;
        self
    }

    /// Where sessions are persisted: every new session and every refresh is
    /// saved there before its tokens are used.
    #[must_use]
    pub fn store(mut self, store: Arc<dyn TokenStore>) -> Self {
        self.store = Some(store);
        self
    }

    /// Checks the configuration.
    ///
    /// # Errors
    ///
    /// [`AuthError::Config`] for an empty client id or API version, or a URL
    /// that does not parse; [`AuthError::InsecureUrl`] for an endpoint URL
    /// that is not `https` (see [`allow_loopback_http`](Self::allow_loopback_http)).
    pub fn build(self) -> Result<Authorizer<G>, AuthError> {
        if self.client_id.trim().is_empty() {
            return Err(AuthError::Config("the client id is empty".into()));
        }
        let api_version = self.api_version.trim_matches('/').to_owned();
        if api_version.is_empty() {
            return Err(AuthError::Config("the API version is empty".into()));
        }
        let parse = |what: &str, url: &str| {
            Url::parse(url).map_err(|e| {
                AuthError::Config(format!("the {what} URL `{url}` does not parse: {e}"))
            })
        };
        let redirect_uri = parse("redirect", &self.redirect_uri)?;
        let authorize_url = parse("authorize", &self.authorize_url)?;
        let token_url = parse("token", &self.token_url)?;
        let resource_url = parse("resource", &self.resource_url)?;
        check_url("authorize", &authorize_url, self.allow_loopback_http)?;
        check_url("token", &token_url, self.allow_loopback_http)?;
        check_url("resource", &resource_url, self.allow_loopback_http)?;
        Ok(Authorizer::from_settings(Settings {
            client_id: self.client_id,
            client_secret: self.client_secret,
            redirect_uri,
            authorize_url,
            token_url,
            resource_url,
            client_auth: self.client_auth,
            pkce: self.pkce,
            api_version,
            allow_loopback_http: self.allow_loopback_http,
            http: crate::http::token_client(),
            store: self.store,
        }))
    }
}
