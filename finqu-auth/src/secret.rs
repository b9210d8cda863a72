//! Secret newtypes: their `Debug` prints `[redacted]` and they have no `Display`.

use std::fmt;

use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! secret_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone)]
        pub struct $name(SecretString);

        impl $name {
            /// Wraps a value.
            pub fn new(value: impl Into<String>) -> Self {
                $name(SecretString::from(value.into()))
            }

            /// The value. Send it where it belongs and nowhere else.
            pub fn secret(&self) -> &str {
                self.0.expose_secret()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(concat!(stringify!($name), "([redacted])"))
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                $name::new(value)
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                $name::new(value)
            }
        }

        // Serialized on purpose: stores and pending authorizations must keep the value.
        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.secret())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                String::deserialize(deserializer).map($name::new)
            }
        }
    };
}

secret_type!(
    /// The OAuth client secret of the app.
    ///
    /// ```
    /// let secret = finqu_auth::ClientSecret::new("s3cr3t");
    /// assert_eq!(format!("{secret:?}"), "ClientSecret([redacted])");
    /// ```
    ClientSecret
);

secret_type!(
    /// An OAuth refresh token.
    ///
    /// ```
    /// let token = finqu_auth::RefreshToken::new("r-123");
    /// assert_eq!(format!("{token:?}"), "RefreshToken([redacted])");
    /// assert_eq!(token.secret(), "r-123");
    /// ```
    RefreshToken
);

impl PartialEq for RefreshToken {
    fn eq(&self, other: &Self) -> bool {
        self.secret() == other.secret()
    }
}

impl Eq for RefreshToken {}

/// Serde for [`finqu_core::AccessToken`], which has none of its own.
pub(crate) mod access_token_serde {
    use finqu_core::AccessToken;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        token: &AccessToken,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(token.secret())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<AccessToken, D::Error> {
        String::deserialize(deserializer).map(AccessToken::new)
    }
}

/// Serde for a [`SecretString`] kept inside a serializable type.
pub(crate) mod secret_string_serde {
    use secrecy::{ExposeSecret, SecretString};
    use serde::{Deserialize, Deserializer, Serializer};

    pub(crate) fn serialize<S: Serializer>(
        value: &SecretString,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(value.expose_secret())
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<SecretString, D::Error> {
        String::deserialize(deserializer).map(SecretString::from)
    }
}

/// Serde for an optional [`SecretString`].
pub(crate) mod option_secret_string_serde {
    use secrecy::{ExposeSecret, SecretString};
    use serde::{Deserialize, Deserializer, Serializer};

    #[allow(clippy::ref_option)] // serde's `with` hands us `&Option<T>`.
    pub(crate) fn serialize<S: Serializer>(
        value: &Option<SecretString>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serializer.serialize_some(v.expose_secret()),
            None => serializer.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<SecretString>, D::Error> {
        Option::<String>::deserialize(deserializer).map(|v| v.map(SecretString::from))
    }
}
