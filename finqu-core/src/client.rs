//! The client that sends endpoints to a merchant's API.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use backon::ExponentialBackoff;
use bytes::{Bytes, BytesMut};
use futures_util::future::BoxFuture;
use futures_util::stream::{self, Stream, TryStreamExt};
use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use http::{HeaderMap, StatusCode};
use tracing::Instrument;
use url::Url;

use crate::encode::PathWriter;
use crate::endpoint::{Authorized, Endpoint, Paginated, ResponseBody};
use crate::error::{ApiError, Error};
use crate::grant::Grant;
use crate::page::{MAX_PAGE_LIMIT, Page};
use crate::retry::{RetryPolicy, retry_after};
use crate::token::{AccessToken, TokenError, TokenSource};

/// Responses larger than this are refused unless configured otherwise.
pub const DEFAULT_MAX_BODY: usize = 16 * 1024 * 1024;

/// Sends endpoints to one merchant's API with a token of grant `G`.
///
/// [`send`](Client::send) only compiles for endpoints whose scopes `G` holds.
/// Cheap to clone (one `Arc`), `Send + Sync`, for use from many tasks.
///
/// Its tokens usually come from finqu-auth's `Session` (`session.client()`);
/// the `finqu` facade's crate docs run the whole path from the authorize URL
/// to a paginated stream on the fake Finqu. With any [`TokenSource`]:
///
/// ```no_run
/// # async fn run(tokens: std::sync::Arc<dyn finqu_core::TokenSource>) -> Result<(), finqu_core::Error> {
/// use futures_util::TryStreamExt;
/// use finqu_core::{Client, finqu_endpoint, grant};
///
/// #[derive(Debug, serde::Deserialize)]
/// pub struct Product { pub id: u64, pub name: String }
///
/// #[finqu_endpoint(method = GET, path = "/products", scope = "products_read", paginated = Product)]
/// #[derive(Debug)]
/// pub struct ListProducts;
///
/// grant!(pub Catalog = "products_read");
///
/// let client: Client<Catalog> = Client::new("https://shop.finqu.com/api/1.2".parse().unwrap(), tokens);
/// let products: Vec<Product> = client.paginate(ListProducts).try_collect().await?;
/// # Ok(()) }
/// ```
pub struct Client<G> {
    inner: Arc<Inner>,
    grant: PhantomData<fn() -> G>,
}

struct Inner {
    http: reqwest::Client,
    base: Url,
    tokens: Arc<dyn TokenSource>,
    retry: RetryPolicy,
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
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// Configures a [`Client`]: timeouts, user agent, a `reqwest::Client` of
/// your own, the retry policy and the response size limit.
#[derive(Debug)]
#[must_use]
pub struct ClientBuilder<G> {
    base: Url,
    tokens: Arc<dyn TokenSource>,
    http: Option<reqwest::Client>,
    timeout: Option<Duration>,
    connect_timeout: Duration,
    user_agent: String,
    retry: RetryPolicy,
    max_body: usize,
    grant: PhantomData<fn() -> G>,
}

impl<G: Grant> ClientBuilder<G> {
    /// Timeout of each attempt, from sending to the end of the body (default 30 s).
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = Some(timeout);
        self
    }

    /// Timeout of connecting (default 10 s).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = timeout;
        self
    }

    /// The `User-Agent` header (default `finqu-rs/<version>`).
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = user_agent.into();
        self
    }

    /// Sends through this `reqwest::Client` (its own timeouts, proxy and TLS
    /// settings apply; `timeout`, `connect_timeout` and `user_agent` do not).
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.http = Some(http);
        self
    }

    /// When to retry; [`RetryPolicy::none`] turns retries off.
    pub fn retry(mut self, retry: RetryPolicy) -> Self {
        self.retry = retry;
        self
    }

    /// Responses with a larger body are an [`Error::BodyTooLarge`] (default 16 MiB).
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// The client.
    ///
    /// # Errors
    ///
    /// [`Error::Build`] when the HTTP client cannot be built (such as no TLS backend).
    pub fn build(self) -> Result<Client<G>, Error> {
        let http = match self.http {
            Some(http) => http,
            None => reqwest::Client::builder()
                .timeout(self.timeout.unwrap_or(Duration::from_secs(30)))
                .connect_timeout(self.connect_timeout)
                .user_agent(self.user_agent)
                .build()
                .map_err(Error::Build)?,
        };
        let inner = Inner {
            http,
            base: self.base,
            tokens: self.tokens,
            retry: self.retry,
            max_body: self.max_body,
        };
        Ok(Client {
            inner: Arc::new(inner),
            grant: PhantomData,
        })
    }
}

impl<G: Grant> Client<G> {
    /// A client with the default settings for the merchant API at `base`
    /// (such as `https://shop.finqu.com/api/1.2`), taking tokens from `tokens`.
    ///
    /// # Panics
    ///
    /// When the default HTTP client cannot be built (no TLS backend); use
    /// [`Client::builder`] to handle that as an error.
    pub fn new(base: Url, tokens: Arc<dyn TokenSource>) -> Self {
        Self::builder(base, tokens)
            .build()
            .expect("the default HTTP client builds")
    }

    /// Configures a client for the merchant API at `base`.
    pub fn builder(base: Url, tokens: Arc<dyn TokenSource>) -> ClientBuilder<G> {
        ClientBuilder {
            base,
            tokens,
            http: None,
            timeout: None,
            connect_timeout: Duration::from_secs(10),
            user_agent: concat!("finqu-rs/", env!("CARGO_PKG_VERSION")).to_owned(),
            retry: RetryPolicy::default(),
            max_body: DEFAULT_MAX_BODY,
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
    /// sent once more; 429, and for idempotent methods 5xx and transport
    /// errors, are retried per the [`RetryPolicy`].
    ///
    /// # Errors
    ///
    /// See [`Error`]: the endpoint does not encode, no token, transport
    /// failure, an error status from Finqu, rate limited, or a body that does
    /// not decode.
    // Not an `async fn`: its opaque future would repeat a missing-scope error at
    // the call, the call expression and the `.await`; a boxed future reports it once.
    pub fn send<'a, E>(&'a self, endpoint: E) -> BoxFuture<'a, Result<E::Response, Error>>
    where
        E: Authorized<G> + Send + 'a,
    {
        Box::pin(async move {
            let url = self.url(&endpoint, &[])?;
            let body = endpoint.body()?;
            let (_, bytes) = self.exchange::<E>(&url, body.as_deref()).await?;
            decode::<E::Response, E>(&bytes)
        })
    }

    /// Fetches one page (`page` from 1, `limit` at most [`MAX_PAGE_LIMIT`])
    /// with the counts the server reports.
    ///
    /// # Errors
    ///
    /// As [`Client::send`].
    pub async fn page<E>(&self, endpoint: &E, page: u32, limit: u32) -> Result<Page<E::Item>, Error>
    where
        E: Paginated + Authorized<G>,
    {
        let url = self.url(endpoint, &[("page", page), ("limit", limit)])?;
        let body = endpoint.body()?;
        let (headers, bytes) = self.exchange::<E>(&url, body.as_deref()).await?;
        let items = decode::<E::Response, E>(&bytes)?;
        Ok(Page::from_parts(items, page, limit, &headers))
    }

    /// Every item of a list endpoint, page after page (`limit` =
    /// [`MAX_PAGE_LIMIT`]), following the `Link` header's `next` until there is
    /// none. Holds one page in memory at a time.
    pub fn paginate<E>(
        &self,
        endpoint: E,
    ) -> impl Stream<Item = Result<E::Item, Error>> + Send + 'static
    where
        E: Paginated + Authorized<G> + Send + Sync + 'static,
    {
        let start = (self.clone(), endpoint, Some(1u32));
        stream::try_unfold(start, |(client, endpoint, next)| async move {
            let Some(number) = next else {
                return Ok::<_, Error>(None);
            };
            let page = client.page(&endpoint, number, MAX_PAGE_LIMIT).await?;
            // Only forward: a server whose `next` points back cannot loop us.
            let next = page.next.filter(|n| *n > number);
            Ok(Some((
                stream::iter(page.items.into_iter().map(Ok)),
                (client, endpoint, next),
            )))
        })
        .try_flatten()
    }

    fn url<E: Endpoint>(&self, endpoint: &E, extra: &[(&str, u32)]) -> Result<Url, Error> {
        let query = endpoint.query()?;
        // Appended, not `Url::join`ed: joining `/orders` would drop the base's `/api/1.2`.
        let mut url = self.inner.base.clone();
        let mut path = String::with_capacity(url.path().len() + 32);
        path.push_str(url.path().trim_end_matches('/'));
        let mut writer = PathWriter::new();
        endpoint.write_path(&mut writer)?;
        path.push_str(&writer.finish());
        url.set_path(&path);
        if !query.is_empty() || !extra.is_empty() {
            let mut pairs = url.query_pairs_mut();
            pairs.extend_pairs(query);
            for (name, value) in extra {
                pairs.append_pair(name, &value.to_string());
            }
        }
        Ok(url)
    }

    /// Sends until there is an answer to return: the success headers and body,
    /// or the error.
    async fn exchange<E: Endpoint>(
        &self,
        url: &Url,
        body: Option<&[u8]>,
    ) -> Result<(HeaderMap, Bytes), Error> {
        let policy = &self.inner.retry;
        let started = Instant::now();
        // Built on the first retry: most requests never need it.
        let mut delays = None;
        let mut token = self.inner.tokens.access_token().await?;
        let mut refreshed = false;
        let mut attempt = 0u32;
        loop {
            attempt += 1;
            let span = tracing::debug_span!(
                "finqu.request",
                method = E::METHOD.as_str(),
                path = E::PATH_TEMPLATE,
                attempt,
                status = tracing::field::Empty,
            );
            let mut response = match self
                .execute::<E>(url, body, &token)
                .instrument(span.clone())
                .await
            {
                Ok(response) => response,
                Err(error @ Error::Transport { .. }) => {
                    // A request that may have reached the server is only repeated when that is harmless.
                    match retry_delay(
                        E::METHOD.is_idempotent(),
                        &mut delays,
                        started,
                        policy,
                        None,
                    ) {
                        Some(wait) => {
                            span.in_scope(|| tracing::debug!(?wait, "transport error, retrying"));
                            tokio::time::sleep(wait).await;
                            continue;
                        }
                        None => return Err(error),
                    }
                }
                Err(error) => return Err(error),
            };
            let status = response.status();
            span.record("status", status.as_u16());
            if status == StatusCode::UNAUTHORIZED && !refreshed {
                refreshed = true;
                token = self.inner.tokens.refresh_after_unauthorized(&token).await?;
                continue;
            }
            let retry = if status == StatusCode::TOO_MANY_REQUESTS {
                let server_wait = retry_after(response.headers(), SystemTime::now());
                // 429 means the server did nothing: safe to repeat for every method.
                let wait = match server_wait {
                    Some(w) if w > policy.max_wait => None,
                    _ => retry_delay(true, &mut delays, started, policy, server_wait),
                };
                match wait {
                    Some(wait) => Some(wait),
                    None => {
                        return Err(Error::RateLimited {
                            method: E::METHOD.as_str(),
                            path: E::PATH_TEMPLATE,
                            retry_after: server_wait,
                        });
                    }
                }
            } else if status.is_server_error() {
                retry_delay(
                    E::METHOD.is_idempotent(),
                    &mut delays,
                    started,
                    policy,
                    None,
                )
            } else {
                None
            };
            if let Some(wait) = retry {
                span.in_scope(|| tracing::debug!(?wait, "retrying"));
                tokio::time::sleep(wait).await;
                continue;
            }
            let headers = std::mem::take(response.headers_mut());
            let bytes = self.read_body::<E>(response).instrument(span).await?;
            if !status.is_success() {
                let error = ApiError::from_response(status.as_u16(), &bytes);
                return Err(Error::Api {
                    method: E::METHOD.as_str(),
                    path: E::PATH_TEMPLATE,
                    error,
                });
            }
            return Ok((headers, bytes));
        }
    }

    async fn execute<E: Endpoint>(
        &self,
        url: &Url,
        body: Option<&[u8]>,
        token: &AccessToken,
    ) -> Result<reqwest::Response, Error> {
        let bearer = token
            .bearer_header()
            .cloned()
            .ok_or_else(|| TokenError::new("the access token is not a valid header value", None))?;
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
        request.send().await.map_err(transport::<E>)
    }

    async fn read_body<E: Endpoint>(
        &self,
        mut response: reqwest::Response,
    ) -> Result<Bytes, Error> {
        let limit = self.inner.max_body;
        let too_large = || Error::BodyTooLarge {
            method: E::METHOD.as_str(),
            path: E::PATH_TEMPLATE,
            limit,
        };
        match response.content_length() {
            Some(len) if len > limit as u64 => Err(too_large()),
            // hyper holds the body to its declared length, so this cannot overrun the limit.
            Some(_) => response.bytes().await.map_err(transport::<E>),
            None => {
                let mut bytes = BytesMut::new();
                while let Some(chunk) = response.chunk().await.map_err(transport::<E>)? {
                    if bytes.len() + chunk.len() > limit {
                        return Err(too_large());
                    }
                    bytes.extend_from_slice(&chunk);
                }
                Ok(bytes.freeze())
            }
        }
    }
}

/// The wait before the next attempt, or `None` when the policy allows none:
/// not `allowed`, out of retries, or past the time budget. `server_wait`
/// (a `Retry-After`) replaces the backoff delay.
fn retry_delay(
    allowed: bool,
    delays: &mut Option<ExponentialBackoff>,
    started: Instant,
    policy: &RetryPolicy,
    server_wait: Option<Duration>,
) -> Option<Duration> {
    if !allowed {
        return None;
    }
    let delays = delays.get_or_insert_with(|| policy.backoff_delays());
    let wait = server_wait.or(delays.next())?;
    if server_wait.is_some() {
        // A server-directed wait still uses up one retry.
        delays.next()?;
    }
    (started.elapsed() + wait <= policy.max_elapsed).then_some(wait)
}

fn transport<E: Endpoint>(error: reqwest::Error) -> Error {
    Error::Transport {
        method: E::METHOD.as_str(),
        path: E::PATH_TEMPLATE,
        source: error.without_url(),
    }
}

/// Decodes a success body; an empty one reads as JSON `null` (for `()` responses).
fn decode<T: ResponseBody, E: Endpoint>(bytes: &[u8]) -> Result<T, Error> {
    let text: &[u8] = if bytes.iter().all(u8::is_ascii_whitespace) {
        b"null"
    } else {
        bytes
    };
    T::from_json(text).map_err(|e| {
        let end = bytes.len().min(120);
        Error::Decode {
            method: E::METHOD.as_str(),
            path: E::PATH_TEMPLATE,
            at: e.path().to_string(),
            reason: e.inner().to_string(),
            excerpt: String::from_utf8_lossy(&bytes[..end]).into_owned(),
        }
    })
}

#[allow(dead_code, reason = "compile-time proof, never called")]
fn _assert_impls() {
    fn send_sync_clone<T: Send + Sync + Clone>() {}
    struct AnyGrant;
    send_sync_clone::<Client<AnyGrant>>();
}
