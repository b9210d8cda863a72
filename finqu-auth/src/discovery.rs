//! `GET /oauth2/resource`: the merchant and its API base URL, in either documented shape.

use finqu_core::AccessToken;
use serde_json::Value;
use url::Url;

use crate::config::Settings;
use crate::http::execute;
use crate::url_policy::check_url;
use crate::{AuthError, Merchant};

/// Asks the resource endpoint who `access_token` belongs to.
pub(crate) async fn discover(
    settings: &Settings,
    access_token: &AccessToken,
) -> Result<Merchant, AuthError> {
    let request = http::Request::get(settings.resource_url.as_str())
        .header(http::header::ACCEPT, "application/json")
        .header(
            http::header::AUTHORIZATION,
            format!("Bearer {}", access_token.secret()),
        )
        .body(Vec::new())
        .map_err(|e| AuthError::Http {
            what: "resource",
            source: Box::new(e),
        })?;
    let response = execute(&settings.http, request)
        .await
        .map_err(|e| AuthError::Http {
            what: "resource",
            source: Box::new(e),
        })?;
    if !response.status().is_success() {
        return Err(AuthError::Discovery(format!(
            "the resource endpoint answered HTTP {}",
            response.status()
        )));
    }
    parse_resource(
        response.body(),
        &settings.api_version,
        settings.allow_loopback_http,
    )
}

/// Reads either shape:
/// `{"merchant": {"id", "api_url", "name"}}` or
/// `{"merchant": {"id", "name", "endpoints": {"api"}}}` (+ `/{api_version}`).
/// `api_url` wins when both are there.
pub(crate) fn parse_resource(
    body: &[u8],
    api_version: &str,
    allow_loopback_http: bool,
) -> Result<Merchant, AuthError> {
    let fail = |why: &str| AuthError::Discovery(why.to_owned());
    let value: Value = serde_json::from_slice(body).map_err(|_| fail("the answer is not JSON"))?;
    let merchant = value
        .get("merchant")
        .and_then(Value::as_object)
        .ok_or_else(|| fail("the answer has no `merchant` object"))?;
    let id = match merchant.get("id") {
        Some(Value::String(id)) if !id.is_empty() => id.clone(),
        Some(Value::Number(id)) => id.to_string(),
        _ => return Err(fail("`merchant.id` is missing or not a string or number")),
    };
    let name = match merchant.get("name") {
        Some(Value::String(name)) => name.clone(),
        None | Some(Value::Null) => String::new(),
        Some(_) => return Err(fail("`merchant.name` is not a string")),
    };
    let api_url = if let Some(url) = merchant.get("api_url").filter(|v| !v.is_null()) {
        let url = url
            .as_str()
            .ok_or_else(|| fail("`merchant.api_url` is not a string"))?;
        Url::parse(url).map_err(|_| fail("`merchant.api_url` is not a URL"))?
    } else {
        let api = merchant
            .get("endpoints")
            .and_then(|e| e.get("api"))
            .and_then(Value::as_str)
            .ok_or_else(|| {
                fail("the answer has neither `merchant.api_url` nor `merchant.endpoints.api`")
            })?;
        let base = format!(
            "{}/{}",
            api.trim_end_matches('/'),
            api_version.trim_matches('/')
        );
        Url::parse(&base).map_err(|_| fail("`merchant.endpoints.api` is not a URL"))?
    };
    check_url("API", &api_url, allow_loopback_http)?;
    Ok(Merchant::new(id, name, api_url))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(json: &str) -> Result<Merchant, AuthError> {
        parse_resource(json.as_bytes(), "3.0", false)
    }

    #[test]
    fn reference_shape() {
        let m = parse(r#"{"merchant": {"id": "42", "api_url": "https://shop.finqu.com/api/v1", "name": "Shop"}}"#).unwrap();
        assert_eq!(
            (m.id(), m.name(), m.api_url().as_str()),
            ("42", "Shop", "https://shop.finqu.com/api/v1")
        );
    }

    #[test]
    fn endpoints_shape_gets_the_version() {
        let m = parse(r#"{"id": "1", "username": "u", "name": "Owner", "merchant": {"id": 42, "name": "Shop",
            "endpoints": {"admin": "https://a", "api": "https://shop.api.myfinqu.com/", "realtime": "wss://r"}}}"#).unwrap();
        assert_eq!(m.id(), "42");
        assert_eq!(m.name(), "Shop");
        assert_eq!(m.api_url().as_str(), "https://shop.api.myfinqu.com/3.0");
    }

    #[test]
    fn api_url_wins() {
        let m = parse(r#"{"merchant": {"id": "1", "api_url": "https://a.example/1.2", "endpoints": {"api": "https://b.example"}}}"#).unwrap();
        assert_eq!(m.api_url().host_str(), Some("a.example"));
    }

    #[test]
    fn bad_answers_are_typed_errors() {
        for body in [
            "not json",
            "[]",
            r#"{"merchant": 1}"#,
            r#"{"merchant": {"api_url": "https://a.example"}}"#,
            r#"{"merchant": {"id": "1"}}"#,
            r#"{"merchant": {"id": "1", "api_url": 5}}"#,
            r#"{"merchant": {"id": "1", "api_url": "not a url"}}"#,
        ] {
            assert!(
                matches!(parse(body), Err(AuthError::Discovery(_))),
                "{body}"
            );
        }
    }

    #[test]
    fn non_https_api_url_is_rejected() {
        let err = parse(r#"{"merchant": {"id": "1", "api_url": "http://shop.finqu.com/api"}}"#)
            .unwrap_err();
        assert!(
            matches!(err, AuthError::InsecureUrl { what: "API", .. }),
            "{err}"
        );
        let loopback = r#"{"merchant": {"id": "1", "api_url": "http://127.0.0.1:9/api"}}"#;
        assert!(parse(loopback).is_err());
        assert!(parse_resource(loopback.as_bytes(), "3.0", true).is_ok());
    }
}
