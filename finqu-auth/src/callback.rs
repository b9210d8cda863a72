//! Reading the redirect back from the authorize endpoint, and checking its `state`.

use secrecy::{ExposeSecret, SecretString};
use subtle::ConstantTimeEq;
use url::Url;

use crate::AuthError;

/// The query of a callback URL.
pub(crate) struct Callback {
    pub(crate) code: Option<SecretString>,
    pub(crate) state: Option<SecretString>,
    pub(crate) error: Option<String>,
    pub(crate) error_description: Option<String>,
}

impl Callback {
    /// Reads `code`, `state`, `error` and `error_description` from `url`.
    pub(crate) fn parse(url: &str) -> Result<Callback, AuthError> {
        // A relative callback (`/callback?code=...`) is accepted too.
        let url = Url::parse(url)
            .or_else(|_| Url::parse("http://callback.invalid/").and_then(|base| base.join(url)))
            .map_err(|e| AuthError::InvalidCallback(e.to_string()))?;
        let mut callback = Callback {
            code: None,
            state: None,
            error: None,
            error_description: None,
        };
        for (key, value) in url.query_pairs() {
            let repeated = match key.as_ref() {
                "code" => callback.code.replace(value.into_owned().into()).is_some(),
                "state" => callback.state.replace(value.into_owned().into()).is_some(),
                "error" => callback.error.replace(value.into_owned()).is_some(),
                "error_description" => callback
                    .error_description
                    .replace(value.into_owned())
                    .is_some(),
                _ => false,
            };
            if repeated {
                return Err(AuthError::InvalidCallback(format!(
                    "`{key}` appears more than once"
                )));
            }
        }
        Ok(callback)
    }
}

/// Compares the received `state` with the expected one in constant time.
pub(crate) fn check_state(
    expected: &SecretString,
    received: Option<&SecretString>,
) -> Result<(), AuthError> {
    let Some(received) = received else {
        return Err(AuthError::StateMismatch);
    };
    let same: bool = expected
        .expose_secret()
        .as_bytes()
        .ct_eq(received.expose_secret().as_bytes())
        .into();
    if same {
        Ok(())
    } else {
        Err(AuthError::StateMismatch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_code_state_and_error() {
        let cb = Callback::parse("https://app.example/cb?code=abc&state=xyz").unwrap();
        assert_eq!(cb.code.unwrap().expose_secret(), "abc");
        assert_eq!(cb.state.unwrap().expose_secret(), "xyz");
        let cb =
            Callback::parse("/cb?error=access_denied&error_description=no+way&state=s").unwrap();
        assert_eq!(cb.error.as_deref(), Some("access_denied"));
        assert_eq!(cb.error_description.as_deref(), Some("no way"));
    }

    #[test]
    fn repeated_parameter_is_refused() {
        assert!(matches!(
            Callback::parse("https://app.example/cb?state=a&state=b"),
            Err(AuthError::InvalidCallback(_))
        ));
    }

    #[test]
    fn state_must_match_exactly() {
        let expected = SecretString::from("abcdef");
        assert!(check_state(&expected, Some(&"abcdef".into())).is_ok());
        assert!(check_state(&expected, Some(&"abcdeg".into())).is_err());
        assert!(check_state(&expected, Some(&"abcde".into())).is_err());
        assert!(check_state(&expected, Some(&"".into())).is_err());
        assert!(check_state(&expected, None).is_err());
    }
}
