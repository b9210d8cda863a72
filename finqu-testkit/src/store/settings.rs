//! Store settings: one object, `{store_name, currency, locale, timezone, contact_email, weight_unit}`.

use serde_json::{Value, json};

use super::Record;

/// The settings a `PUT /settings` may change.
const KEYS: [&str; 6] = [
    "store_name",
    "currency",
    "locale",
    "timezone",
    "contact_email",
    "weight_unit",
];

pub(super) fn seed(store_name: &str) -> Record {
    let settings = json!({
        "store_name": store_name,
        "currency": "EUR",
        "locale": "fi_FI",
        "timezone": "Europe/Helsinki",
        "contact_email": "shop@example.test",
        "weight_unit": "kg",
    });
    settings.as_object().cloned().unwrap_or_default()
}

/// `current` with `input` merged in, when every change is valid.
pub(crate) fn update(current: &Record, input: Record) -> Result<Record, Vec<String>> {
    let mut details = Vec::new();
    let mut next = current.clone();
    for (key, value) in input {
        if !KEYS.contains(&key.as_str()) {
            details.push(format!(
                "{key} is not a setting; known: {}",
                KEYS.join(", ")
            ));
            continue;
        }
        let Value::String(s) = &value else {
            details.push(format!("{key} must be a string"));
            continue;
        };
        let valid = match key.as_str() {
            "currency" => s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()),
            "contact_email" => s.contains('@'),
            "weight_unit" => matches!(s.as_str(), "kg" | "g" | "lb" | "oz"),
            _ => !s.trim().is_empty(),
        };
        if valid {
            next.insert(key, value);
        } else {
            details.push(format!("{key} has an invalid value"));
        }
    }
    if details.is_empty() {
        Ok(next)
    } else {
        Err(details)
    }
}
