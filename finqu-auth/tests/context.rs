//! The embedded-app context JWT.

use std::time::{SystemTime, UNIX_EPOCH};

use finqu_auth::{
    ClientSecret, ContextError, context_token, verify_app_context, verify_app_context_for,
};
use jsonwebtoken::{Algorithm, EncodingKey, Header, encode};

const SECRET: &str = "finqu-testkit-secret";

fn jwt(secret: &str, sub: &str, exp_from_now: i64, alg: Algorithm) -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    let claims = serde_json::json!({"sub": sub, "exp": now + exp_from_now, "iat": now});
    encode(
        &Header::new(alg),
        &claims,
        &EncodingKey::from_secret(secret.as_bytes()).unwrap(),
    )
    .unwrap()
}

#[test]
fn a_good_context_names_the_merchant() {
    let secret = ClientSecret::new(SECRET);
    let token = jwt(SECRET, "merchant/1001", 300, Algorithm::HS256);
    let context = verify_app_context(&token, &secret).unwrap();
    assert_eq!(context.merchant_id(), "1001");
    assert!(context.expires_at() > SystemTime::now());
    assert!(verify_app_context_for(&token, &secret, "1001").is_ok());
}

#[test]
fn an_expired_context_is_refused() {
    let token = jwt(SECRET, "merchant/1001", -120, Algorithm::HS256);
    assert_eq!(
        verify_app_context(&token, &ClientSecret::new(SECRET)),
        Err(ContextError::Expired)
    );
}

#[test]
fn a_forged_context_is_refused() {
    let secret = ClientSecret::new(SECRET);
    let forged = jwt("another-secret", "merchant/1001", 300, Algorithm::HS256);
    assert_eq!(
        verify_app_context(&forged, &secret),
        Err(ContextError::BadSignature)
    );
    let other_alg = jwt(SECRET, "merchant/1001", 300, Algorithm::HS512);
    assert_eq!(
        verify_app_context(&other_alg, &secret),
        Err(ContextError::Malformed)
    );
    assert_eq!(
        verify_app_context("not.a.jwt", &secret),
        Err(ContextError::Malformed)
    );
    assert_eq!(verify_app_context("", &secret), Err(ContextError::Missing));
    // A tampered payload with the original signature.
    let good = jwt(SECRET, "merchant/1001", 300, Algorithm::HS256);
    let evil = jwt(SECRET, "merchant/666", 300, Algorithm::HS256);
    let parts: Vec<&str> = good.split('.').collect();
    let evil_parts: Vec<&str> = evil.split('.').collect();
    let spliced = format!("{}.{}.{}", parts[0], evil_parts[1], parts[2]);
    assert_eq!(
        verify_app_context(&spliced, &secret),
        Err(ContextError::BadSignature)
    );
}

#[test]
fn a_context_for_another_merchant_is_refused() {
    let secret = ClientSecret::new(SECRET);
    let token = jwt(SECRET, "merchant/2002", 300, Algorithm::HS256);
    let err = verify_app_context_for(&token, &secret, "1001").unwrap_err();
    assert_eq!(
        err,
        ContextError::WrongMerchant {
            expected: "1001".into(),
            actual: "2002".into()
        }
    );
    let bad_sub = jwt(SECRET, "user/1001", 300, Algorithm::HS256);
    assert_eq!(
        verify_app_context(&bad_sub, &secret),
        Err(ContextError::BadSubject)
    );
}

#[test]
fn the_token_is_found_in_header_query_or_body() {
    let mut headers = http::HeaderMap::new();
    assert_eq!(
        context_token(&headers, Some("?token=q"), Some(b"token=b")),
        Some("q".into())
    );
    assert_eq!(
        context_token(&headers, None, Some(b"a=1&token=b")),
        Some("b".into())
    );
    assert_eq!(context_token(&headers, Some("a=1"), None), None);
    headers.insert("finqu-context", "h".parse().unwrap());
    assert_eq!(
        context_token(&headers, Some("token=q"), None),
        Some("h".into())
    );
}

#[test]
fn errors_never_show_the_token() {
    let secret = ClientSecret::new(SECRET);
    let forged = jwt("another-secret", "merchant/1001", 300, Algorithm::HS256);
    let err = verify_app_context(&forged, &secret).unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(!text.contains(&forged) && !text.contains(SECRET), "{text}");
}
