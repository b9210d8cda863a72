//! Orders: `{id, status, customer_id, items: [{product_id, quantity, price}], total, created_at}`.

use serde_json::{Value, json};

use super::fields::{cents, money};
use super::{Record, Store, products};

/// The statuses an order can have.
pub(super) const STATUSES: [&str; 4] = ["pending", "processing", "fulfilled", "cancelled"];

pub(super) fn seed(n: usize, customers: usize, products: &[Record]) -> Vec<Record> {
    let price = |id: u64| {
        products[(id - 1) as usize]
            .get("price")
            .and_then(Value::as_f64)
            .map_or(0, |p| (p * 100.0).round() as u64)
    };
    (1..=n as u64)
        .map(|i| {
            let lines = 1 + i % 3;
            let items: Vec<(u64, u64, u64)> = (0..lines)
                .map(|k| {
                    let product = (i * 7 + k * 13) % products.len() as u64 + 1;
                    (product, 1 + (i + k) % 3, price(product))
                })
                .collect();
            let total: u64 = items.iter().map(|(_, q, p)| q * p).sum();
            let record = json!({
                "id": i,
                "status": STATUSES[(i % 4) as usize],
                "customer_id": (i - 1) % customers as u64 + 1,
                "items": items.iter().map(|(product_id, quantity, price)| json!({
                    "product_id": product_id, "quantity": quantity, "price": money(*price),
                })).collect::<Vec<_>>(),
                "total": money(total),
                "created_at": crate::time::seeded(i),
            });
            record.as_object().cloned().unwrap_or_default()
        })
        .collect()
}

pub(super) fn validate(store: &Store, mut record: Record) -> Result<Record, Vec<String>> {
    let mut details = Vec::new();
    match record.get("customer_id") {
        None | Some(Value::Null) => details.push("customer_id is required".to_owned()),
        Some(v) => match v.as_u64() {
            Some(id) if store.customers.items.contains_key(&id) => {}
            Some(id) => details.push(format!("customer_id {id} does not exist")),
            None => details.push("customer_id must be a positive integer".to_owned()),
        },
    }
    let status = match record.get("status") {
        None | Some(Value::Null) => Some("pending"),
        Some(v) => {
            let s = v
                .as_str()
                .and_then(|s| STATUSES.iter().find(|t| **t == s).copied());
            if s.is_none() {
                details.push(format!("status must be one of {}", STATUSES.join(", ")));
            }
            s
        }
    };
    if let Some(status) = status {
        record.insert("status".to_owned(), status.into());
    }
    let items = match record.get("items") {
        None | Some(Value::Null) => {
            details.push("items is required".to_owned());
            Vec::new()
        }
        Some(Value::Array(items)) if items.is_empty() => {
            details.push("items must not be empty".to_owned());
            Vec::new()
        }
        Some(Value::Array(items)) => items
            .iter()
            .enumerate()
            .filter_map(|(n, item)| line(store, n, item, &mut details))
            .collect(),
        Some(_) => {
            details.push("items must be an array".to_owned());
            Vec::new()
        }
    };
    if !details.is_empty() {
        return Err(details);
    }
    let total: u64 = items.iter().map(|(_, q, p)| q * p).sum();
    let items: Vec<Value> = items
        .iter()
        .map(|(product_id, quantity, price)| {
            json!({"product_id": product_id, "quantity": quantity, "price": money(*price)})
        })
        .collect();
    record.insert("items".to_owned(), items.into());
    record.insert("total".to_owned(), money(total));
    Ok(record)
}

/// One order line as `(product_id, quantity, unit price in cents)`.
fn line(
    store: &Store,
    n: usize,
    item: &Value,
    details: &mut Vec<String>,
) -> Option<(u64, u64, u64)> {
    let before = details.len();
    let product = item.get("product_id").and_then(Value::as_u64);
    let unit = product.and_then(|id| products::price_cents(store, id));
    match (product, unit) {
        (None, _) => details.push(format!("items[{n}].product_id must be a positive integer")),
        (Some(id), None) => details.push(format!("items[{n}].product_id {id} does not exist")),
        _ => {}
    }
    let quantity = item
        .get("quantity")
        .and_then(Value::as_u64)
        .filter(|q| *q >= 1);
    if quantity.is_none() {
        details.push(format!(
            "items[{n}].quantity must be an integer of at least 1"
        ));
    }
    let price = match item.get("price") {
        None | Some(Value::Null) => unit,
        price => cents(price, &format!("items[{n}].price"), details),
    };
    if details.len() > before {
        return None;
    }
    Some((product?, quantity?, price?))
}

/// The `status` and `customer_id` filters of `GET /orders`.
pub(super) fn matches(query: &[(String, String)], order: &Record) -> bool {
    query.iter().all(|(key, wanted)| match key.as_str() {
        "status" => order.get("status").and_then(Value::as_str) == Some(wanted),
        "customer_id" => {
            let id = order.get("customer_id").and_then(Value::as_u64);
            id.is_some_and(|id| wanted.parse() == Ok(id))
        }
        _ => true,
    })
}
