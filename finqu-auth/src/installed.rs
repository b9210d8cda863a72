//! The installed-app flow (RFC 8252): a loopback listener receives the callback.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use finqu_core::Grant;
use secrecy::SecretString;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use url::{Host, Url};

use crate::callback::{Callback, check_state};
use crate::{AuthError, Authorizer, Session};

/// Largest request head read from the browser.
const MAX_HEAD: usize = 8 * 1024;

const DONE: &str =
    "<!doctype html><title>Finqu</title><p>Authorization complete. You can close this window.</p>";
const REFUSED: &str = "<!doctype html><title>Finqu</title><p>Authorization was not granted. You can close this window.</p>";
const UNEXPECTED: &str =
    "<!doctype html><title>Finqu</title><p>This is not the expected callback.</p>";

impl<G: Grant> Authorizer<G> {
    /// The flow for command-line and desktop apps (RFC 8252): listens on the
    /// loopback address and port of the redirect URI, hands the authorize URL
    /// to `show_url` (print it, open a browser), accepts exactly one callback
    /// on the redirect path with the right `state` (others are answered 400
    /// and ignored), answers it with a short HTML page and completes the
    /// authorization. Gives up after `timeout`.
    ///
    /// # Errors
    ///
    /// [`AuthError::Config`] when the redirect URI is not `http` to a loopback
    /// address with a port; [`AuthError::Loopback`] when it cannot listen;
    /// [`AuthError::Timeout`]; and as [`complete`](Self::complete).
    pub async fn authorize_installed_app(
        &self,
        timeout: Duration,
        show_url: impl FnOnce(&Url),
    ) -> Result<Session<G>, AuthError> {
        let redirect = self.settings.redirect_uri.clone();
        let addr = loopback_addr(&redirect)?;
        let listener = TcpListener::bind(addr)
            .await
            .map_err(|e| AuthError::Loopback(Box::new(e)))?;
        let (url, pending) = self.authorize_url();
        show_url(&url);
        let deadline = tokio::time::Instant::now() + timeout;
        loop {
            let accepted = tokio::time::timeout_at(deadline, listener.accept()).await;
            let Ok(accepted) = accepted else {
                return Err(AuthError::Timeout(timeout));
            };
            let Ok((mut stream, _)) = accepted else {
                continue;
            };
            let Some(target) = read_target(&mut stream).await else {
                respond(&mut stream, 400, UNEXPECTED).await;
                continue;
            };
            let path = target.split('?').next().unwrap_or_default();
            let callback = Callback::parse(&target).ok();
            let state: Option<&SecretString> = callback.as_ref().and_then(|c| c.state.as_ref());
            if path != redirect.path() || check_state(&pending.state, state).is_err() {
                respond(&mut stream, 400, UNEXPECTED).await;
                continue;
            }
            let granted = callback.is_some_and(|c| c.error.is_none());
            respond(
                &mut stream,
                if granted { 200 } else { 400 },
                if granted { DONE } else { REFUSED },
            )
            .await;
            return self.complete(pending, &target).await;
        }
    }
}

fn loopback_addr(redirect: &Url) -> Result<SocketAddr, AuthError> {
    let bad = || {
        AuthError::Config(
            "the installed-app flow needs a redirect URI `http://127.0.0.1:PORT/...` (or `[::1]`, `localhost`)".into(),
        )
    };
    if redirect.scheme() != "http" {
        return Err(bad());
    }
    let ip = match redirect.host().ok_or_else(bad)? {
        Host::Ipv4(ip) if ip.is_loopback() => IpAddr::V4(ip),
        Host::Ipv6(ip) if ip.is_loopback() => IpAddr::V6(ip),
        Host::Domain(d) if d.eq_ignore_ascii_case("localhost") => IpAddr::V4(Ipv4Addr::LOCALHOST),
        _ => return Err(bad()),
    };
    let port = redirect.port().ok_or_else(bad)?;
    Ok(SocketAddr::new(ip, port))
}

/// The request target of a `GET`, if the head arrives in time and in size.
async fn read_target(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    let read = async {
        while !head.windows(4).any(|w| w == b"\r\n\r\n") {
            let n = stream.read(&mut buf).await.ok()?;
            if n == 0 || head.len() + n > MAX_HEAD {
                return None;
            }
            head.extend_from_slice(&buf[..n]);
        }
        Some(())
    };
    tokio::time::timeout(Duration::from_secs(10), read)
        .await
        .ok()??;
    let line = std::str::from_utf8(&head).ok()?.lines().next()?;
    let mut parts = line.split(' ');
    (parts.next()? == "GET").then_some(())?;
    parts.next().map(str::to_owned)
}

async fn respond(stream: &mut TcpStream, status: u16, body: &str) {
    let reason = if status == 200 { "OK" } else { "Bad Request" };
    let answer = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    // The browser may be gone already; the flow goes on regardless.
    let _ = stream.write_all(answer.as_bytes()).await;
    let _ = stream.shutdown().await;
}
