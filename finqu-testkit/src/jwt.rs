//! Access tokens: HS256 JWTs signed with a per-server random secret.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Claims {
    /// The login server's URL.
    pub(crate) iss: String,
    /// `merchant/{id}`, as in Finqu's app-context tokens.
    pub(crate) sub: String,
    pub(crate) merchant_id: String,
    pub(crate) client_id: String,
    /// Granted scopes, space separated.
    pub(crate) scope: String,
    pub(crate) iat: u64,
    /// `iat` plus `expires_in`; the exact expiry is kept server-side.
    pub(crate) exp: u64,
    /// Unique per token; the server's record of live tokens is keyed by it.
    pub(crate) jti: String,
}

/// The signing secret of one server: tokens of one fake are forged to another.
pub(crate) struct Keys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
}

impl Keys {
    /// A fresh 256-bit secret. Fails only if the secret were empty.
    pub(crate) fn random(issuer: &str) -> Result<Self, jsonwebtoken::errors::Error> {
        let secret = crate::random::bytes(32);
        let mut validation = Validation::new(Algorithm::HS256);
        // Expiry is exact server-side; the claim only must not be in the past.
        validation.leeway = 0;
        validation.validate_aud = false;
        validation.set_issuer(&[issuer]);
        Ok(Self {
            encoding: EncodingKey::from_secret(&secret)?,
            decoding: DecodingKey::from_secret(&secret)?,
            validation,
        })
    }

    pub(crate) fn sign(&self, claims: &Claims) -> Result<String, jsonwebtoken::errors::Error> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
    }

    /// The claims of `token` when its signature, algorithm, issuer and `exp` hold.
    pub(crate) fn verify(&self, token: &str) -> Option<Claims> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .ok()
            .map(|data| data.claims)
    }
}
