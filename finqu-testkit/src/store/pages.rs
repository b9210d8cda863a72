//! Content pages: `{id, title, handle, content, published, created_at}`.

use serde_json::json;

use super::fields::{flag, optional_string, required_string};
use super::{Record, Store};

const TITLES: [&str; 5] = [
    "About us",
    "Shipping",
    "Returns",
    "Privacy policy",
    "Contact",
];

pub(super) fn seed(n: usize) -> Vec<Record> {
    (1..=n)
        .map(|i| {
            let title = TITLES
                .get(i - 1)
                .map_or_else(|| format!("Page {i}"), |t| (*t).to_owned());
            let record = json!({
                "id": i,
                "handle": handle(&title),
                "title": title,
                "content": format!("<p>Content of page {i}.</p>"),
                "published": i % 2 == 1,
                "created_at": crate::time::seeded(i as u64),
            });
            record.as_object().cloned().unwrap_or_default()
        })
        .collect()
}

/// `About us` → `about-us`.
fn handle(title: &str) -> String {
    let mut out = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

pub(super) fn validate(store: &Store, id: u64, mut record: Record) -> Result<Record, Vec<String>> {
    let mut details = Vec::new();
    let title = required_string(&record, "title", &mut details);
    let handle = optional_string(&record, "handle", &mut details)
        .or_else(|| title.as_deref().map(handle))
        .unwrap_or_default();
    if store
        .pages
        .items
        .iter()
        .any(|(other, p)| *other != id && p.get("handle").and_then(|h| h.as_str()) == Some(&handle))
    {
        details.push(format!("handle {handle} is already in use"));
    }
    record.insert("handle".to_owned(), handle.into());
    let content = optional_string(&record, "content", &mut details).unwrap_or_default();
    record.insert("content".to_owned(), content.into());
    let published = flag(&record, "published", false, &mut details);
    record.insert("published".to_owned(), published.into());
    if details.is_empty() {
        Ok(record)
    } else {
        Err(details)
    }
}
