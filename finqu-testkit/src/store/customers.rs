//! Customers: `{id, email, first_name, last_name, created_at}`.

use serde_json::json;

use super::fields::{optional_string, required_string};
use super::{Record, Store};

const FIRST: [&str; 6] = ["Aino", "Eino", "Helmi", "Oliver", "Sofia", "Leo"];
const LAST: [&str; 5] = ["Virtanen", "Korhonen", "Nieminen", "Mäkinen", "Laine"];

pub(super) fn seed(n: usize) -> Vec<Record> {
    (1..=n)
        .map(|i| {
            let record = json!({
                "id": i,
                "email": format!("customer{i}@example.test"),
                "first_name": FIRST[i % FIRST.len()],
                "last_name": LAST[i % LAST.len()],
                "created_at": crate::time::seeded(i as u64),
            });
            record.as_object().cloned().unwrap_or_default()
        })
        .collect()
}

pub(super) fn validate(store: &Store, id: u64, record: Record) -> Result<Record, Vec<String>> {
    let mut details = Vec::new();
    if let Some(email) = required_string(&record, "email", &mut details) {
        if !email.contains('@') {
            details.push("email must be an email address".to_owned());
        } else if store.customers.items.iter().any(|(other, c)| {
            *other != id && c.get("email").and_then(|e| e.as_str()) == Some(&email)
        }) {
            details.push(format!("email {email} is already in use"));
        }
    }
    optional_string(&record, "first_name", &mut details);
    optional_string(&record, "last_name", &mut details);
    if details.is_empty() {
        Ok(record)
    } else {
        Err(details)
    }
}
