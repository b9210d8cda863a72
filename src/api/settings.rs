//! The store's settings: one object, read and partly updated.
//!
//! These paths are not publicly documented; they follow Finqu's REST
//! conventions. The scopes are Finqu's documented `settings_read` and
//! `settings_write`.

use finqu_core::finqu_endpoint;
use serde::{Deserialize, Serialize};

/// The store's settings, as the merchant API returns them. Every field is
/// optional, so that a store that lacks one still decodes.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The store's name, as shoppers see it.
    pub store_name: Option<String>,
    /// ISO 4217 currency code, such as `EUR`.
    pub currency: Option<String>,
    /// Locale, such as `fi_FI`.
    pub locale: Option<String>,
    /// IANA time zone, such as `Europe/Helsinki`.
    pub timezone: Option<String>,
    /// Where shoppers write to.
    pub contact_email: Option<String>,
    /// `kg`, `g`, `lb` or `oz`.
    pub weight_unit: Option<String>,
}

/// Reads the store's settings.
///
/// `GET /settings`, scope `settings_read`. Not publicly documented; follows
/// Finqu's REST conventions.
#[finqu_endpoint(method = GET, path = "/settings", scope = "settings_read", response = Settings)]
#[derive(Debug, Clone, Default)]
pub struct GetSettings;

/// Changes settings: only the fields that are `Some` are sent, and only those
/// change. Answers all the settings after the change.
///
/// `PUT /settings`, scope `settings_write`. Not publicly documented; follows
/// Finqu's REST conventions.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::settings::UpdateSettings;
///
/// let update = UpdateSettings { currency: Some("SEK".into()), ..UpdateSettings::default() };
/// assert_eq!(update.body().unwrap().unwrap(), br#"{"currency":"SEK"}"#);
/// ```
#[finqu_endpoint(method = PUT, path = "/settings", scope = "settings_write", response = Settings)]
#[derive(Debug, Clone, Default)]
pub struct UpdateSettings {
    /// A new store name.
    pub store_name: Option<String>,
    /// A new ISO 4217 currency code (three capital letters).
    pub currency: Option<String>,
    /// A new locale.
    pub locale: Option<String>,
    /// A new IANA time zone.
    pub timezone: Option<String>,
    /// A new contact email address.
    pub contact_email: Option<String>,
    /// A new weight unit: `kg`, `g`, `lb` or `oz`.
    pub weight_unit: Option<String>,
}
