//! Webhooks: subscribe an address to a topic, list, get and delete
//! subscriptions.
//!
//! `POST /webhooks` is documented publicly by Finqu; the list and item paths
//! follow the same REST shape.
//!
//! # Which scope
//!
//! Finqu documents no scope for webhooks, and its API (like finqu-testkit)
//! accepts any valid token. An endpoint must still declare one, so this
//! catalogue treats a webhook subscription as store configuration:
//! [`ListWebhooks`] and [`GetWebhook`] need `settings_read`, [`CreateWebhook`]
//! and [`DeleteWebhook`] `settings_write`. These are documented scopes, so a
//! grant that holds them is never refused at authorization, and the merchant
//! is asked to let the app change the store's configuration, which is what a
//! subscription is. An app that must not ask for settings can declare its own
//! endpoint on the same path with the models here and any scope it holds:
//!
//! ```
//! use finqu::api::webhooks::{Topic, Webhook};
//! use finqu::finqu_endpoint;
//!
//! /// Subscribe to order events with the scope an order app holds anyway.
//! #[finqu_endpoint(method = POST, path = "/webhooks", scope = "orders_read", response = Webhook)]
//! #[derive(Debug)]
//! pub struct SubscribeToOrders {
//!     /// The topic.
//!     pub topic: Topic,
//!     /// Where Finqu posts the events.
//!     pub address: String,
//! }
//! ```

use finqu_core::finqu_endpoint;
use serde::{Deserialize, Serialize};

use super::string_enum::string_enum;

string_enum! {
    /// What a webhook is notified of, as `resource/event`.
    ///
    /// The variants are the topics documented by Finqu that this crate names;
    /// any other topic (Finqu lists more, such as `returns/create`) is kept in
    /// [`Topic::Other`] as sent, both ways.
    ///
    /// ```
    /// use finqu::api::webhooks::Topic;
    ///
    /// assert_eq!(Topic::from("orders/fulfilled"), Topic::OrdersFulfilled);
    /// assert_eq!(Topic::CustomersCreate.as_str(), "customers/create");
    ///
    /// let returns: Topic = "returns/create".parse().unwrap();
    /// assert_eq!(returns, Topic::Other("returns/create".into()));
    /// assert_eq!(serde_json::to_string(&returns).unwrap(), r#""returns/create""#);
    /// ```
    pub enum Topic {
        /// `orders/update`: an order changed.
        OrdersUpdate = "orders/update",
        /// `orders/activate`: an order became active.
        OrdersActivate = "orders/activate",
        /// `orders/fulfilled`: an order was fulfilled.
        OrdersFulfilled = "orders/fulfilled",
        /// `customers/create`: a customer was created.
        CustomersCreate = "customers/create",
        /// `customers/update`: a customer changed.
        CustomersUpdate = "customers/update",
        /// `customers/remove`: a customer was removed.
        CustomersRemove = "customers/remove",
        /// `carts/create`: a shopper started a cart.
        CartsCreate = "carts/create",
    }
}

/// A webhook subscription, as the merchant API returns it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Webhook {
    /// Finqu's id.
    pub id: u64,
    /// What it is notified of.
    pub topic: Topic,
    /// Where Finqu posts the events (an absolute `http` or `https` URL).
    pub address: String,
    /// When the subscription was created (RFC 3339).
    #[serde(default)]
    pub created_at: Option<String>,
}

/// Subscribes `address` to `topic`; answers the subscription with its id.
///
/// `POST /webhooks`, scope `settings_write` (Finqu documents none: see the
/// [module docs](self#which-scope)). The path is documented publicly by Finqu.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::webhooks::{CreateWebhook, Topic};
///
/// let create = CreateWebhook::new(Topic::OrdersUpdate, "https://app.example/hooks");
/// assert_eq!(
///     create.body().unwrap().unwrap(),
///     br#"{"topic":"orders/update","address":"https://app.example/hooks"}"#
/// );
/// ```
#[finqu_endpoint(method = POST, path = "/webhooks", scope = "settings_write", response = Webhook)]
#[derive(Debug, Clone)]
pub struct CreateWebhook {
    /// What to be notified of.
    pub topic: Topic,
    /// Where Finqu posts the events: an absolute `http` or `https` URL.
    pub address: String,
}

impl CreateWebhook {
    /// A subscription of `address` to `topic`.
    pub fn new(topic: impl Into<Topic>, address: impl Into<String>) -> Self {
        CreateWebhook {
            topic: topic.into(),
            address: address.into(),
        }
    }
}

/// Lists webhook subscriptions, a page at a time.
///
/// `GET /webhooks`, scope `settings_read` (Finqu documents none: see the
/// [module docs](self#which-scope)). Follows the REST shape of Finqu's
/// documented `POST /webhooks`. The client adds `page` and `limit`.
#[finqu_endpoint(method = GET, path = "/webhooks", scope = "settings_read", paginated = Webhook)]
#[derive(Debug, Clone, Default)]
pub struct ListWebhooks;

/// Reads one webhook subscription.
///
/// `GET /webhooks/{id}`, scope `settings_read` (Finqu documents none: see the
/// [module docs](self#which-scope)). Follows the REST shape of Finqu's
/// documented `POST /webhooks`.
#[finqu_endpoint(method = GET, path = "/webhooks/{id}", scope = "settings_read", response = Webhook)]
#[derive(Debug, Clone)]
pub struct GetWebhook {
    /// The subscription's id.
    pub id: u64,
}

/// Deletes a webhook subscription. Finqu answers `204 No Content`.
///
/// `DELETE /webhooks/{id}`, scope `settings_write` (Finqu documents none: see
/// the [module docs](self#which-scope)). Follows the REST shape of Finqu's
/// documented `POST /webhooks`.
#[finqu_endpoint(method = DELETE, path = "/webhooks/{id}", scope = "settings_write", response = ())]
#[derive(Debug, Clone)]
pub struct DeleteWebhook {
    /// The subscription's id.
    pub id: u64,
}
