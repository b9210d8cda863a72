//! Field checks shared by the resources; each failure adds one detail line.

use serde_json::Value;

use super::Record;

/// A non-empty string field, or a detail saying what is wrong.
pub(super) fn required_string(
    record: &Record,
    key: &str,
    details: &mut Vec<String>,
) -> Option<String> {
    match record.get(key) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::String(_)) => {
            details.push(format!("{key} must not be empty"));
            None
        }
        None | Some(Value::Null) => {
            details.push(format!("{key} is required"));
            None
        }
        Some(_) => {
            details.push(format!("{key} must be a string"));
            None
        }
    }
}

/// A string field that may be absent (`None`), or a detail when it is not a string.
pub(super) fn optional_string(
    record: &Record,
    key: &str,
    details: &mut Vec<String>,
) -> Option<String> {
    match record.get(key) {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s.clone()),
        Some(_) => {
            details.push(format!("{key} must be a string"));
            None
        }
    }
}

/// A non-negative integer field; `default` when absent.
pub(super) fn count(
    record: &Record,
    key: &str,
    default: Option<u64>,
    details: &mut Vec<String>,
) -> Option<u64> {
    match record.get(key) {
        None | Some(Value::Null) => {
            if default.is_none() {
                details.push(format!("{key} is required"));
            }
            default
        }
        Some(v) => {
            let n = v.as_u64();
            if n.is_none() {
                details.push(format!("{key} must be a non-negative integer"));
            }
            n
        }
    }
}

/// A non-negative amount of money with at most two decimals, in cents.
pub(super) fn cents(value: Option<&Value>, key: &str, details: &mut Vec<String>) -> Option<u64> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        details.push(format!("{key} is required"));
        return None;
    };
    match value.as_f64() {
        Some(x) if (0.0..1e12).contains(&x) => Some((x * 100.0).round() as u64),
        _ => {
            details.push(format!("{key} must be a non-negative number"));
            None
        }
    }
}

/// Cents as the JSON number the API answers with, e.g. `19.9`.
pub(super) fn money(cents: u64) -> Value {
    Value::from(cents as f64 / 100.0)
}

/// A boolean field; `default` when absent.
pub(super) fn flag(record: &Record, key: &str, default: bool, details: &mut Vec<String>) -> bool {
    match record.get(key) {
        None | Some(Value::Null) => default,
        Some(Value::Bool(b)) => *b,
        Some(_) => {
            details.push(format!("{key} must be a boolean"));
            default
        }
    }
}
