//! Which URLs the crate talks to: https, or plain http on loopback when opted in.

use std::fmt;
use std::net::IpAddr;

use url::{Host, Url};

use crate::AuthError;

/// Whether `url` may be used: `https`, or `http` to a loopback host when
/// `allow_loopback_http` is set.
pub(crate) fn check_url(
    what: &'static str,
    url: &Url,
    allow_loopback_http: bool,
) -> Result<(), AuthError> {
    let ok = match url.scheme() {
        "https" => url.host().is_some(),
        "http" => allow_loopback_http && url.host().is_some_and(|h| is_loopback(&h)),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(AuthError::InsecureUrl {
            what,
            url: Redacted(url).to_string(),
        })
    }
}

/// `127.0.0.0/8`, `::1` or `localhost`.
pub(crate) fn is_loopback(host: &Host<&str>) -> bool {
    match host {
        Host::Ipv4(ip) => IpAddr::V4(*ip).is_loopback(),
        Host::Ipv6(ip) => IpAddr::V6(*ip).is_loopback(),
        Host::Domain(d) => d.eq_ignore_ascii_case("localhost"),
    }
}

/// A URL without user info, query or fragment, for messages.
pub(crate) struct Redacted<'a>(pub(crate) &'a Url);

impl fmt::Display for Redacted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let url = self.0;
        write!(f, "{}://", url.scheme())?;
        if let Some(host) = url.host_str() {
            f.write_str(host)?;
        }
        if let Some(port) = url.port() {
            write!(f, ":{port}")?;
        }
        f.write_str(url.path())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(url: &str, allow: bool) -> bool {
        check_url("API", &Url::parse(url).unwrap(), allow).is_ok()
    }

    #[test]
    fn https_is_always_accepted() {
        assert!(ok("https://shop.api.myfinqu.com/3.0", false));
        assert!(ok("https://shop.api.myfinqu.com/3.0", true));
    }

    #[test]
    fn http_only_on_loopback_with_the_opt_in() {
        assert!(!ok("http://127.0.0.1:8080/api", false));
        assert!(ok("http://127.0.0.1:8080/api", true));
        assert!(ok("http://[::1]:8080/api", true));
        assert!(ok("http://localhost/api", true));
        assert!(!ok("http://shop.finqu.com/api", true));
        assert!(!ok("http://10.0.0.1/api", true));
        assert!(!ok("ftp://shop.finqu.com/api", true));
    }

    #[test]
    fn message_drops_credentials_and_query() {
        let url = Url::parse("http://user:pw@shop.example:81/api?token=x#y").unwrap();
        let err = check_url("API", &url, false).unwrap_err().to_string();
        assert!(err.contains("http://shop.example:81/api"), "{err}");
        assert!(!err.contains("pw") && !err.contains("token=x"), "{err}");
    }
}
