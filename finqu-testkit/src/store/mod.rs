//! The merchant's data: in-memory, seeded at start.

mod customers;
mod fields;
mod orders;
mod pages;
mod products;
pub(crate) mod settings;
pub(crate) mod themes;
mod webhooks;

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::config::Builder;

/// A JSON object, the form every record is kept in.
pub(crate) type Record = Map<String, Value>;

/// The collections that follow the same REST shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Collection {
    /// `/orders`
    Orders,
    /// `/products`
    Products,
    /// `/customers`
    Customers,
    /// `/pages` (content pages)
    Pages,
    /// `/webhooks`
    Webhooks,
}

impl Collection {
    /// Singular noun for messages: "order", "product", …
    pub(crate) fn noun(self) -> &'static str {
        match self {
            Self::Orders => "order",
            Self::Products => "product",
            Self::Customers => "customer",
            Self::Pages => "page",
            Self::Webhooks => "webhook",
        }
    }
}

/// Records of one collection by id, and the next id to hand out.
#[derive(Debug, Default)]
pub(crate) struct Records {
    pub(crate) items: BTreeMap<u64, Record>,
    next_id: u64,
}

impl Records {
    fn from_seed(seed: Vec<Record>) -> Self {
        let mut records = Self::default();
        for record in seed {
            let id = record.get("id").and_then(Value::as_u64).unwrap_or(0);
            records.items.insert(id, record);
            records.next_id = records.next_id.max(id);
        }
        records
    }

    /// The id the next created record gets.
    pub(crate) fn peek_next_id(&self) -> u64 {
        self.next_id + 1
    }

    /// Take the id [`peek_next_id`](Self::peek_next_id) answered.
    pub(crate) fn take_next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }
}

/// Everything the merchant API serves.
#[derive(Debug, Default)]
pub(crate) struct Store {
    pub(crate) orders: Records,
    pub(crate) products: Records,
    pub(crate) customers: Records,
    pub(crate) pages: Records,
    pub(crate) webhooks: Records,
    pub(crate) settings: Record,
    pub(crate) themes: themes::Themes,
}

impl Store {
    /// The seeded data for `config`. The same configuration seeds the same data.
    pub(crate) fn seed(config: &Builder) -> Self {
        let products = products::seed(config.products);
        let orders = if config.customers > 0 && config.products > 0 {
            orders::seed(config.orders, config.customers, &products)
        } else {
            Vec::new()
        };
        Self {
            orders: Records::from_seed(orders),
            customers: Records::from_seed(customers::seed(config.customers)),
            products: Records::from_seed(products),
            pages: Records::from_seed(pages::seed(config.pages)),
            webhooks: Records::default(),
            settings: settings::seed(&config.merchant_name),
            themes: themes::Themes::seed(),
        }
    }

    pub(crate) fn records(&self, collection: Collection) -> &Records {
        match collection {
            Collection::Orders => &self.orders,
            Collection::Products => &self.products,
            Collection::Customers => &self.customers,
            Collection::Pages => &self.pages,
            Collection::Webhooks => &self.webhooks,
        }
    }

    pub(crate) fn records_mut(&mut self, collection: Collection) -> &mut Records {
        match collection {
            Collection::Orders => &mut self.orders,
            Collection::Products => &mut self.products,
            Collection::Customers => &mut self.customers,
            Collection::Pages => &mut self.pages,
            Collection::Webhooks => &mut self.webhooks,
        }
    }

    /// Merge `input` into `existing` (or a new record with `id`) and validate
    /// the result; the details of every problem when it is invalid.
    pub(crate) fn build(
        &self,
        collection: Collection,
        id: u64,
        existing: Option<&Record>,
        input: Record,
    ) -> Result<Record, Vec<String>> {
        let mut record = existing.cloned().unwrap_or_default();
        for (key, value) in input {
            // Server-owned fields are not writable.
            if !matches!(key.as_str(), "id" | "created_at" | "updated_at" | "total") {
                record.insert(key, value);
            }
        }
        let mut record = match collection {
            Collection::Orders => orders::validate(self, record),
            Collection::Products => products::validate(self, id, record),
            Collection::Customers => customers::validate(self, id, record),
            Collection::Pages => pages::validate(self, id, record),
            Collection::Webhooks => webhooks::validate(record),
        }?;
        record.insert("id".to_owned(), id.into());
        let created = existing
            .and_then(|e| e.get("created_at").cloned())
            .unwrap_or_else(|| crate::time::now().into());
        record.insert("created_at".to_owned(), created);
        if existing.is_some() {
            record.insert("updated_at".to_owned(), crate::time::now().into());
        }
        Ok(record)
    }

    /// Whether `record` passes the list filters of `query` (only orders have filters).
    pub(crate) fn matches(
        collection: Collection,
        query: &[(String, String)],
        record: &Record,
    ) -> bool {
        match collection {
            Collection::Orders => orders::matches(query, record),
            _ => true,
        }
    }
}
