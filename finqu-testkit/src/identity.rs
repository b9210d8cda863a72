//! Who the fake knows: the registered test client and the seeded merchant.

/// The OAuth client registered with the fake: id, secret and redirect URIs.
///
/// Its `Debug` output hides the secret.
#[derive(Clone, PartialEq, Eq)]
pub struct TestClient {
    pub(crate) id: String,
    pub(crate) secret: String,
    pub(crate) redirect_uris: Vec<String>,
}

impl TestClient {
    /// The client id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The client secret. A test value, exposed so tests can authenticate.
    pub fn secret(&self) -> &str {
        &self.secret
    }

    /// The first registered redirect URI (a loopback `http` URI by default).
    /// Empty when the builder was given no valid redirect URI.
    pub fn redirect_uri(&self) -> &str {
        self.redirect_uris.first().map_or("", String::as_str)
    }

    /// Every registered redirect URI.
    pub fn redirect_uris(&self) -> &[String] {
        &self.redirect_uris
    }
}

impl std::fmt::Debug for TestClient {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TestClient")
            .field("id", &self.id)
            .field("secret", &"[redacted]")
            .field("redirect_uris", &self.redirect_uris)
            .finish()
    }
}

/// The merchant whose shop the fake serves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Merchant {
    pub(crate) id: String,
    pub(crate) name: String,
}

impl Merchant {
    /// The merchant id, as `merchant.id` in the resource response and
    /// `{merchant}` in the channel and theme paths.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The merchant's display name.
    pub fn name(&self) -> &str {
        &self.name
    }
}

/// Tokens minted by [`FakeFinqu::issue_tokens`](crate::FakeFinqu::issue_tokens).
///
/// Its `Debug` output hides both tokens.
#[derive(Clone, PartialEq, Eq)]
pub struct Tokens {
    pub(crate) access_token: String,
    pub(crate) refresh_token: String,
    pub(crate) expires_in: u64,
    pub(crate) scope: String,
}

impl Tokens {
    /// The access token: an HS256 JWT for `Authorization: Bearer`.
    pub fn access_token(&self) -> &str {
        &self.access_token
    }

    /// The refresh token, for `grant_type=refresh_token`.
    pub fn refresh_token(&self) -> &str {
        &self.refresh_token
    }

    /// Seconds until the access token expires, as `expires_in` reports it.
    pub fn expires_in(&self) -> u64 {
        self.expires_in
    }

    /// The granted scopes, space separated.
    pub fn scope(&self) -> &str {
        &self.scope
    }
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tokens")
            .field("access_token", &"[redacted]")
            .field("refresh_token", &"[redacted]")
            .field("expires_in", &self.expires_in)
            .field("scope", &self.scope)
            .finish()
    }
}
