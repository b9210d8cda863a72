//! [`Merchant`]: who authorized the app, and where its API is.

use std::fmt;

use serde::{Deserialize, Serialize};
use url::Url;

/// The merchant behind a session: id, display name and API base URL.
///
/// ```
/// use finqu_auth::Merchant;
///
/// let m = Merchant::new("1001", "Shop", "https://shop.api.myfinqu.com/3.0".parse().unwrap());
/// assert_eq!(m.to_string(), "Shop (merchant 1001)");
/// assert_eq!(m.api_url().as_str(), "https://shop.api.myfinqu.com/3.0");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Merchant {
    id: String,
    name: String,
    api_url: Url,
}

impl Merchant {
    /// A merchant with its API base URL (version included).
    pub fn new(id: impl Into<String>, name: impl Into<String>, api_url: Url) -> Self {
        Merchant {
            id: id.into(),
            name: name.into(),
            api_url,
        }
    }

    /// The merchant id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The merchant's display name (may be empty).
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The base URL of the merchant's REST API, version included.
    pub fn api_url(&self) -> &Url {
        &self.api_url
    }
}

impl fmt::Display for Merchant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name.is_empty() {
            write!(f, "merchant {}", self.id)
        } else {
            write!(f, "{} (merchant {})", self.name, self.id)
        }
    }
}
