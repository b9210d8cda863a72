//! Products: `{id, name, sku, price, stock, created_at}`.

use serde_json::json;

use super::fields::{cents, count, money, required_string};
use super::{Record, Store};

pub(super) fn seed(n: usize) -> Vec<Record> {
    (1..=n as u64)
        .map(|i| {
            let price = 100 + i * 137 % 9000;
            let record = json!({
                "id": i,
                "name": format!("Product {i}"),
                "sku": format!("SKU-{i:05}"),
                "price": money(price),
                "stock": i * 7 % 50,
                "created_at": crate::time::seeded(i),
            });
            record.as_object().cloned().unwrap_or_default()
        })
        .collect()
}

/// The unit price of product `id` in cents, if it exists.
pub(super) fn price_cents(store: &Store, id: u64) -> Option<u64> {
    let price = store.products.items.get(&id)?.get("price")?.as_f64()?;
    Some((price * 100.0).round() as u64)
}

pub(super) fn validate(store: &Store, id: u64, mut record: Record) -> Result<Record, Vec<String>> {
    let mut details = Vec::new();
    required_string(&record, "name", &mut details);
    if let Some(sku) = required_string(&record, "sku", &mut details) {
        let taken =
            store.products.items.iter().any(|(other, p)| {
                *other != id && p.get("sku").and_then(|s| s.as_str()) == Some(&sku)
            });
        if taken {
            details.push(format!("sku {sku} is already in use"));
        }
    }
    if let Some(price) = cents(record.get("price"), "price", &mut details) {
        record.insert("price".to_owned(), money(price));
    }
    if let Some(stock) = count(&record, "stock", Some(0), &mut details) {
        record.insert("stock".to_owned(), stock.into());
    }
    if details.is_empty() {
        Ok(record)
    } else {
        Err(details)
    }
}
