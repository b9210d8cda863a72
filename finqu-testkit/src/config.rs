//! What a fake Finqu is started with: the [`Builder`] and its defaults.

use std::time::Duration;

/// The API version in the merchant API's base path: `{login_url}/api/1.2`.
pub const API_VERSION: &str = "1.2";
/// Default access-token lifetime, as Finqu documents ("1 hour (typical)").
pub const DEFAULT_TOKEN_TTL: Duration = Duration::from_secs(3600);
/// Default lifetime of an authorization code.
pub const CODE_TTL: Duration = Duration::from_secs(60);
/// Client id of the registered test client, unless [`Builder::client_credentials`] says otherwise.
pub const DEFAULT_CLIENT_ID: &str = "finqu-testkit-client";
/// Client secret of the registered test client, unless [`Builder::client_credentials`] says otherwise.
pub const DEFAULT_CLIENT_SECRET: &str = "finqu-testkit-secret";
/// The one redirect URI registered by default: loopback, nothing listens there.
pub const DEFAULT_REDIRECT_URI: &str = "http://127.0.0.1:8910/callback";
/// Id of the seeded merchant (a string, as in Finqu's resource response).
pub const DEFAULT_MERCHANT_ID: &str = "1001";
/// Name of the seeded merchant.
pub const DEFAULT_MERCHANT_NAME: &str = "Testkit Shop";
/// Products seeded by default.
pub const DEFAULT_PRODUCTS: usize = 120;
/// Orders seeded by default.
pub const DEFAULT_ORDERS: usize = 60;
/// Customers seeded by default.
pub const DEFAULT_CUSTOMERS: usize = 30;
/// Content pages seeded by default.
pub const DEFAULT_PAGES: usize = 5;

/// Which of Finqu's two documented shapes `GET /oauth2/resource` answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum ResourceShape {
    /// `{"merchant": {"id", "api_url", "name"}}`, where `api_url` includes the
    /// version (the reference page's shape). The default.
    #[default]
    ApiUrl,
    /// `{"id", "username", "name", "merchant": {"id", "name", "endpoints":
    /// {"admin", "api", "realtime"}}}`, where `endpoints.api` has no version and
    /// the caller appends [`API_VERSION`] (the getting-started guide's and CLI's shape).
    Endpoints,
}

/// Configures and starts a [`FakeFinqu`](crate::FakeFinqu).
///
/// ```
/// # #[tokio::main(flavor = "current_thread")] async fn main() {
/// use std::time::Duration;
/// use finqu_testkit::{FakeFinqu, ResourceShape};
///
/// let finqu = FakeFinqu::builder()
///     .token_ttl(Duration::from_secs(1))
///     .rotate_refresh_tokens(false)
///     .resource_shape(ResourceShape::Endpoints)
///     .grant_scopes("orders_read products_read")
///     .products(7)
///     .start()
///     .await;
/// assert!(finqu.api_url().ends_with("/api/1.2"));
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Builder {
    pub(crate) port: u16,
    pub(crate) token_ttl: Duration,
    pub(crate) rotate_refresh_tokens: bool,
    pub(crate) resource_shape: ResourceShape,
    pub(crate) advertised_api_url: Option<String>,
    pub(crate) grant_scopes: Option<String>,
    pub(crate) require_pkce: bool,
    pub(crate) code_ttl: Duration,
    pub(crate) token_scope: bool,
    pub(crate) client_id: String,
    pub(crate) client_secret: String,
    pub(crate) redirect_uris: Vec<String>,
    pub(crate) merchant_id: String,
    pub(crate) merchant_name: String,
    pub(crate) products: usize,
    pub(crate) orders: usize,
    pub(crate) customers: usize,
    pub(crate) pages: usize,
}

impl Default for Builder {
    fn default() -> Self {
        Self {
            port: 0,
            token_ttl: DEFAULT_TOKEN_TTL,
            rotate_refresh_tokens: true,
            resource_shape: ResourceShape::ApiUrl,
            advertised_api_url: None,
            grant_scopes: None,
            require_pkce: false,
            code_ttl: CODE_TTL,
            token_scope: true,
            client_id: DEFAULT_CLIENT_ID.to_owned(),
            client_secret: DEFAULT_CLIENT_SECRET.to_owned(),
            redirect_uris: vec![DEFAULT_REDIRECT_URI.to_owned()],
            merchant_id: DEFAULT_MERCHANT_ID.to_owned(),
            merchant_name: DEFAULT_MERCHANT_NAME.to_owned(),
            products: DEFAULT_PRODUCTS,
            orders: DEFAULT_ORDERS,
            customers: DEFAULT_CUSTOMERS,
            pages: DEFAULT_PAGES,
        }
    }
}

impl Builder {
    /// The default configuration (see the `DEFAULT_*` constants).
    pub fn new() -> Self {
        Self::default()
    }

    /// The loopback port to listen on; `0` (the default) lets the OS choose.
    #[must_use]
    pub fn port(mut self, port: u16) -> Self {
        self.port = port;
        self
    }

    /// Access-token lifetime; default [`DEFAULT_TOKEN_TTL`]. Enforced to the
    /// millisecond, so `Duration::from_secs(1)` makes a token expire one second
    /// after it was issued. `expires_in` reports it rounded up to whole seconds
    /// (at least 1). A zero duration is raised to one millisecond.
    #[must_use]
    pub fn token_ttl(mut self, ttl: Duration) -> Self {
        self.token_ttl = ttl.max(Duration::from_millis(1));
        self
    }

    /// Refresh-token rotation; default on. On: each refresh answers a new
    /// `refresh_token` and the old one then answers `invalid_grant`. Off: the
    /// refresh response has no `refresh_token` and the old one stays valid.
    #[must_use]
    pub fn rotate_refresh_tokens(mut self, rotate: bool) -> Self {
        self.rotate_refresh_tokens = rotate;
        self
    }

    /// The shape of `GET /oauth2/resource`; default [`ResourceShape::ApiUrl`].
    #[must_use]
    pub fn resource_shape(mut self, shape: ResourceShape) -> Self {
        self.resource_shape = shape;
        self
    }

    /// Have `GET /oauth2/resource` announce `url` as the merchant's API base
    /// (`api_url`, or `endpoints.api` in the other shape) instead of this
    /// server's own: for testing that a client refuses a plain-http or
    /// otherwise unacceptable API URL. The API itself stays where it is.
    #[must_use]
    pub fn advertised_api_url(mut self, url: impl Into<String>) -> Self {
        self.advertised_api_url = Some(url.into());
        self
    }

    /// Make the consent narrower than the request: an authorization grants only
    /// the requested scopes that are also in `scopes` (space separated). When
    /// none is left, the authorization answers `access_denied`. By default the
    /// consent grants exactly what was asked.
    #[must_use]
    pub fn grant_scopes(mut self, scopes: impl Into<String>) -> Self {
        self.grant_scopes = Some(scopes.into());
        self
    }

    /// Refuse authorization requests without a PKCE S256 challenge; default off
    /// (PKCE optional, but checked whenever a challenge was sent).
    #[must_use]
    pub fn require_pkce(mut self, require: bool) -> Self {
        self.require_pkce = require;
        self
    }

    /// Lifetime of an authorization code; default [`CODE_TTL`].
    #[must_use]
    pub fn code_ttl(mut self, ttl: Duration) -> Self {
        self.code_ttl = ttl;
        self
    }

    /// Whether token responses carry `scope`; default on. Off, they omit it,
    /// which RFC 6749 §5.1 reads as "granted as requested".
    #[must_use]
    pub fn scope_in_token_response(mut self, include: bool) -> Self {
        self.token_scope = include;
        self
    }

    /// Id and secret of the registered test client.
    #[must_use]
    pub fn client_credentials(mut self, id: impl Into<String>, secret: impl Into<String>) -> Self {
        self.client_id = id.into();
        self.client_secret = secret.into();
        self
    }

    /// The redirect URIs registered for the test client, replacing the default
    /// [`DEFAULT_REDIRECT_URI`]. The authorize endpoint requires an exact match.
    /// URIs that do not parse as absolute URLs are ignored.
    #[must_use]
    pub fn redirect_uris<I, S>(mut self, uris: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.redirect_uris = uris
            .into_iter()
            .map(Into::into)
            .filter(|u| url::Url::parse(u).is_ok())
            .collect();
        self
    }

    /// Id and name of the seeded merchant.
    #[must_use]
    pub fn merchant(mut self, id: impl Into<String>, name: impl Into<String>) -> Self {
        self.merchant_id = id.into();
        self.merchant_name = name.into();
        self
    }

    /// How many products to seed (ids `1..=n`); default [`DEFAULT_PRODUCTS`].
    #[must_use]
    pub fn products(mut self, n: usize) -> Self {
        self.products = n;
        self
    }

    /// How many orders to seed (ids `1..=n`); default [`DEFAULT_ORDERS`].
    /// Orders are only seeded when there is at least one customer and one product.
    #[must_use]
    pub fn orders(mut self, n: usize) -> Self {
        self.orders = n;
        self
    }

    /// How many customers to seed (ids `1..=n`); default [`DEFAULT_CUSTOMERS`].
    #[must_use]
    pub fn customers(mut self, n: usize) -> Self {
        self.customers = n;
        self
    }

    /// How many content pages to seed (ids `1..=n`); default [`DEFAULT_PAGES`].
    #[must_use]
    pub fn pages(mut self, n: usize) -> Self {
        self.pages = n;
        self
    }
}
