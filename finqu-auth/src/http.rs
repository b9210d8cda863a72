//! Driving `oauth2` and discovery through finqu-core's reqwest.

use std::time::Duration;

use futures_util::future::BoxFuture;

/// Largest body read from the login server.
pub(crate) const MAX_BODY: usize = 1 << 20;

/// Why an HTTP exchange failed. Holds no body, so no token.
#[derive(Debug, thiserror::Error)]
pub(crate) enum HttpError {
    #[error("the request could not be built: {0}")]
    Build(String),
    #[error("could not reach the server")]
    Send(#[source] reqwest::Error),
    #[error("the answer is larger than {MAX_BODY} bytes")]
    TooLarge,
}

/// The token client: no redirects (a redirected token request could leak
/// the code or the client secret), bounded time.
pub(crate) fn token_client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap_or_else(|_| reqwest::Client::new())
}

/// What `oauth2` sends its requests through: finqu-core's reqwest.
pub(crate) struct OAuthHttp<'a>(pub(crate) &'a reqwest::Client);

impl<'c> oauth2::AsyncHttpClient<'c> for OAuthHttp<'_> {
    type Error = HttpError;
    type Future = BoxFuture<'c, Result<oauth2::HttpResponse, HttpError>>;

    fn call(&'c self, request: oauth2::HttpRequest) -> Self::Future {
        Box::pin(execute(self.0, request))
    }
}

/// Sends `request` and reads at most [`MAX_BODY`] bytes of the answer.
pub(crate) async fn execute(
    client: &reqwest::Client,
    request: http::Request<Vec<u8>>,
) -> Result<http::Response<Vec<u8>>, HttpError> {
    let request =
        reqwest::Request::try_from(request).map_err(|e| HttpError::Build(e.to_string()))?;
    let mut response = client.execute(request).await.map_err(HttpError::Send)?;
    let mut builder = http::Response::builder()
        .status(response.status())
        .version(response.version());
    if let Some(headers) = builder.headers_mut() {
        *headers = std::mem::take(response.headers_mut());
    }
    if response
        .content_length()
        .is_some_and(|len| len > MAX_BODY as u64)
    {
        return Err(HttpError::TooLarge);
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.map_err(HttpError::Send)? {
        if body.len() + chunk.len() > MAX_BODY {
            return Err(HttpError::TooLarge);
        }
        body.extend_from_slice(&chunk);
    }
    builder
        .body(body)
        .map_err(|e| HttpError::Build(e.to_string()))
}
