//! The client that sends endpoints to a merchant's API.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use url::Url;

use crate::endpoint::{Authorized, Endpoint, ResponseBody};
use crate::error::{ApiError, Error};
use crate::grant::Grant;
use crate::token::{AccessToken, TokenError, TokenSource};

/// Responses larger than this are refused unless configured otherwise.
pub const DEFAULT_MAX_BODY: usize = 16 * 1024 * 1024;

/// Sends endpoints to one merchant's API with a token of grant `G`.
///
/// `send` only compiles for endpoints whose scopes `G` holds. Cheap to clone
/// and usable from many tasks at once.
pub struct Client<G> {
    inner: Arc<Inner>,
    grant: PhantomData<fn() -> G>,
}

struct Inner {
    http: reqwest::Client,
    base: Url,
    tokens: Arc<dyn TokenSource>,
    max_body: usize,
}

impl<G> Clone for Client<G> {
    fn clone(&self) -> Self {
        Client {
            inner: Arc::clone(&self.inner),
            grant: PhantomData,
        }
    }
}

impl<G> fmt::Debug for Client<G> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("grant", &std::any::type_name::<G>())
            .field("base", &self.inner.base.as_str())
            .field("tokens", &self.inner.tokens)
            .finish_non_exhaustive()
    }
}

impl<G: Grant> Client<G> {
    /// A client for the merchant API at `base` (such as
    /// `https://shop.finqu.com/api/1.2`), taking tokens from `tokens`.
    pub fn new(base: Url, tokens: Arc<dyn TokenSource>) -> Self {
        Self::with_http(base, tokens, reqwest::Client::new())
    }

    /// As [`Client::new`], sending through the caller's own `reqwest::Client`.
    pub fn with_http(base: Url, tokens: Arc<dyn TokenSource>, http: reqwest::Client) -> Self {
        Client {
            inner: Arc::new(Inner {
                http,
                base,
                tokens,
                max_body: DEFAULT_MAX_BODY,
            }),
            grant: PhantomData,
        }
    }

    /// The merchant API's base URL.
    pub fn base_url(&self) -> &Url {
        &self.inner.base
    }

    /// Sends `endpoint` and decodes its response.
    ///
    /// Compiles only when `G` holds every scope the endpoint needs. On a 401
    /// the token source is asked once for a fresh token and the request is
    /// sent once more.
    ///
    /// # Errors
    ///
    /// See [`Error`]: the endpoint does not encode, no token, transport
    /// failure, an error status from Finqu, or a body that does not decode.
    pub async fn send<E: Authorized<G>>(&self, endpoint: E) -> Result<E::Response, Error> {
        let url = self.url(&endpoint)?;
        let body = endpoint.body()?;
        let token = self.inner.tokens.access_token().await?;
        let mut response = self.execute::<E>(&url, body.as_deref(), &token).await?;
        if response.status() == http::StatusCode::UNAUTHORIZED {
            let fresh = self.inner.tokens.refresh_after_unauthorized(&token).await?;
            response = self.execute::<E>(&url, body.as_deref(), &fresh).await?;
        }
        let status = response.status();
        let bytes = self.read_body::<E>(response).await?;
        if !status.is_success() {
            let error = ApiError::from_response(status.as_u16(), &bytes);
            return Err(Error::Api {
                method: E::METHOD.as_str(),
                path: E::PATH_TEMPLATE,
                error,
            });
        }
        decode::<E>(&bytes)
    }

    fn url<E: Endpoint>(&self, endpoint: &E) -> Result<Url, Error> {
        let path = endpoint.path()?;
        let query = endpoint.query()?;
        // Appended, not `Url::join`ed: joining `/orders` would drop the base's `/api/1.2`.
        let mut url = self.inner.base.clone();
        let base_path = url.path().trim_end_matches('/').to_owned();
        url.set_path(&format!("{base_path}{path}"));
        if !query.is_empty() {
            url.query_pairs_mut().extend_pairs(query);
        }
        Ok(url)
    }

    async fn execute<E: Endpoint>(
        &self,
        url: &Url,
        body: Option<&[u8]>,
        token: &AccessToken,
    ) -> Result<reqwest::Response, Error> {
        let mut bearer = HeaderValue::from_str(&format!("Bearer {}", token.secret()))
            .map_err(|_| TokenError::new("the access token is not a valid header value", None))?;
        bearer.set_sensitive(true);
        let mut request = self
            .inner
            .http
            .request(E::METHOD.into(), url.clone())
            .header(AUTHORIZATION, bearer)
            .header(ACCEPT, "application/json");
        if let Some(body) = body {
            request = request
                .header(CONTENT_TYPE, "application/json")
                .body(body.to_vec());
        }
        request.send().await.map_err(|e| transport::<E>(e))
    }

    async fn read_body<E: Endpoint>(
        &self,
        mut response: reqwest::Response,
    ) -> Result<Vec<u8>, Error> {
        let limit = self.inner.max_body;
        let too_large = || Error::BodyTooLarge {
            method: E::METHOD.as_str(),
            path: E::PATH_TEMPLATE,
            limit,
        };
        if response
            .content_length()
            .is_some_and(|len| len > limit as u64)
        {
            return Err(too_large());
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| transport::<E>(e))? {
            if bytes.len() + chunk.len() > limit {
                return Err(too_large());
            }
            bytes.extend_from_slice(&chunk);
        }
        Ok(bytes)
    }
}

fn transport<E: Endpoint>(error: reqwest::Error) -> Error {
    Error::Transport {
        method: E::METHOD.as_str(),
        path: E::PATH_TEMPLATE,
        source: error.without_url(),
    }
}

/// Decodes a success body; an empty one reads as JSON `null` (for `()` responses).
fn decode<E: Endpoint>(bytes: &[u8]) -> Result<E::Response, Error> {
    let text: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        bytes
    };
    <E::Response as ResponseBody>::from_json(text).map_err(|e| {
        let excerpt: String = String::from_utf8_lossy(&bytes[..bytes.len().min(120)]).into_owned();
        Error::Decode {
            method: E::METHOD.as_str(),
            path: E::PATH_TEMPLATE,
            at: e.path().to_string(),
            reason: e.inner().to_string(),
            excerpt,
        }
    })
}

#[allow(dead_code, reason = "compile-time proof, never called")]
fn _assert_impls() {
    fn send_sync_clone<T: Send + Sync + Clone>() {}
    struct AnyGrant;
    send_sync_clone::<Client<AnyGrant>>();
}
