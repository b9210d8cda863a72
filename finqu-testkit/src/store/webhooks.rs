//! Webhooks: `{id, topic, address, created_at}`.

use super::Record;
use super::fields::required_string;

/// `orders/update`, `customers/create`, …: lowercase `resource/event`.
fn is_topic(topic: &str) -> bool {
    topic.split_once('/').is_some_and(|(resource, event)| {
        [resource, event].iter().all(|part| {
            !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')
        })
    })
}

pub(super) fn validate(record: Record) -> Result<Record, Vec<String>> {
    let mut details = Vec::new();
    if let Some(topic) = required_string(&record, "topic", &mut details)
        && !is_topic(&topic)
    {
        details.push(format!("topic {topic} is not of the form resource/event"));
    }
    if let Some(address) = required_string(&record, "address", &mut details) {
        let ok = url::Url::parse(&address)
            .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host());
        if !ok {
            details.push("address must be an absolute http or https URL".to_owned());
        }
    }
    if details.is_empty() {
        Ok(record)
    } else {
        Err(details)
    }
}
