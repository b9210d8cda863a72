//! `crate = ...` for a library that re-exports finqu-core under its own path.
mod sdk {
    pub use finqu_core as finqu;
}

use finqu_core::Endpoint;

#[derive(Debug, serde::Deserialize)]
pub struct Settings {
    pub currency: String,
}

#[finqu_core::finqu_endpoint(method = GET, path = "/settings", scope = "settings_read", response = Settings, crate = sdk::finqu)]
pub struct GetSettings;

#[finqu_core::finqu_endpoint(method = PUT, path = "/settings", scope = "settings_write", response = Settings, crate = "crate::sdk::finqu")]
pub struct UpdateSettings {
    pub currency: String,
}

fn main() {
    assert_eq!(GetSettings.path().unwrap(), "/settings");
    assert_eq!(UpdateSettings { currency: "EUR".into() }.body().unwrap().unwrap(), br#"{"currency":"EUR"}"#);
}
