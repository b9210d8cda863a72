//! The token endpoint, through `oauth2`: code exchange and refresh.

use std::sync::Arc;

use finqu_core::AccessToken;
use futures_util::future::BoxFuture;
use oauth2::basic::{BasicErrorResponse, BasicTokenResponse};
use oauth2::{AuthorizationCode, PkceCodeVerifier, RequestTokenError, TokenResponse as _};
use secrecy::{ExposeSecret, SecretString};

use crate::config::Settings;
use crate::http::{HttpError, OAuthHttp};
use crate::{AuthError, RefreshToken, TokenSet};

/// Exchanges an authorization code (with its PKCE verifier) for tokens.
///
/// `requested` is the scope parameter that was asked for: a response without
/// `scope` granted exactly that (RFC 6749 §5.1).
///
/// Boxed as `Send` here, where lifetimes are concrete: the future of
/// `oauth2`'s generic `request_async` is otherwise not provably `Send` for
/// every lifetime, which `tokio::spawn` and web frameworks need.
pub(crate) fn exchange_code(
    settings: Arc<Settings>,
    code: &SecretString,
    verifier: Option<&SecretString>,
    requested: String,
) -> BoxFuture<'static, Result<TokenSet, AuthError>> {
    let code = AuthorizationCode::new(code.expose_secret().to_owned());
    let verifier = verifier.map(|v| PkceCodeVerifier::new(v.expose_secret().to_owned()));
    Box::pin(async move {
        let oauth = settings.oauth();
        let mut request = oauth.exchange_code(code);
        if let Some(verifier) = verifier {
            request = request.set_pkce_verifier(verifier);
        }
        let http = OAuthHttp(&settings.http);
        let response = request.request_async(&http).await.map_err(map_error)?;
        Ok(token_set(&response, &requested))
    })
}

/// Exchanges a refresh token. The result has no refresh token when the
/// server did not rotate it, and `previous_scope` when it reported none.
pub(crate) fn refresh(
    settings: Arc<Settings>,
    refresh_token: &RefreshToken,
    previous_scope: String,
) -> BoxFuture<'static, Result<TokenSet, AuthError>> {
    let refresh = oauth2::RefreshToken::new(refresh_token.secret().to_owned());
    Box::pin(async move {
        let oauth = settings.oauth();
        let http = OAuthHttp(&settings.http);
        let response = oauth
            .exchange_refresh_token(&refresh)
            .request_async(&http)
            .await
            .map_err(map_error)?;
        Ok(token_set(&response, &previous_scope))
    })
}

fn token_set(response: &BasicTokenResponse, scope_if_absent: &str) -> TokenSet {
    let scope = response.scopes().map_or_else(
        || scope_if_absent.to_owned(),
        |scopes| {
            scopes
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        },
    );
    TokenSet::received(
        AccessToken::new(response.access_token().secret().clone()),
        response
            .refresh_token()
            .map(|r| RefreshToken::new(r.secret().clone())),
        response.expires_in(),
        scope,
    )
}

/// Maps `oauth2`'s error without keeping the response body, which may hold tokens.
pub(crate) fn map_error(error: RequestTokenError<HttpError, BasicErrorResponse>) -> AuthError {
    match error {
        RequestTokenError::ServerResponse(response) => AuthError::TokenEndpoint {
            error: response.error().as_ref().to_owned(),
            description: response.error_description().cloned(),
        },
        RequestTokenError::Request(source) => AuthError::Http {
            what: "token",
            source: Box::new(source),
        },
        RequestTokenError::Parse(error, _body) => {
            // Only the path: serde's message can quote a value from the body.
            AuthError::InvalidTokenResponse(format!("cannot read the JSON at `{}`", error.path()))
        }
        RequestTokenError::Other(message) => AuthError::InvalidTokenResponse(message),
    }
}
