//! Orders: list with filters, get, create, update.
//!
//! `POST /orders` and `GET /orders?page=2&limit=50` are in Finqu's public
//! material; the item path `/orders/{id}` follows the same REST shape.

use finqu_core::finqu_endpoint;
use serde::{Deserialize, Serialize};

use super::string_enum::string_enum;

string_enum! {
    /// Where an order is in its life.
    ///
    /// ```
    /// use finqu::api::orders::OrderStatus;
    ///
    /// assert_eq!("fulfilled".parse(), Ok(OrderStatus::Fulfilled));
    /// assert_eq!(OrderStatus::from("on_hold"), OrderStatus::Other("on_hold".into()));
    /// ```
    pub enum OrderStatus {
        /// `pending`: placed, not yet processed.
        Pending = "pending",
        /// `processing`: being prepared.
        Processing = "processing",
        /// `fulfilled`: delivered or shipped.
        Fulfilled = "fulfilled",
        /// `cancelled`.
        Cancelled = "cancelled",
    }
}

/// An order, as the merchant API returns it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Order {
    /// Finqu's id.
    pub id: u64,
    /// Where the order is in its life.
    pub status: OrderStatus,
    /// The customer who placed it; `None` when Finqu sends none.
    #[serde(default)]
    pub customer_id: Option<u64>,
    /// The order lines.
    #[serde(default)]
    pub items: Vec<OrderItem>,
    /// Sum of the lines (unit price × quantity) in the store's currency;
    /// computed by Finqu.
    #[serde(default)]
    pub total: f64,
    /// When the order was created (RFC 3339).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When the order was last updated (RFC 3339), if ever.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// One order line: in a response, and in [`CreateOrder`] / [`UpdateOrder`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderItem {
    /// The product ordered.
    pub product_id: u64,
    /// How many, at least 1.
    pub quantity: u32,
    /// Unit price in the store's currency. When creating, `None` takes the
    /// product's current price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<f64>,
}

impl OrderItem {
    /// `quantity` of `product_id` at the product's current price.
    pub fn new(product_id: u64, quantity: u32) -> Self {
        OrderItem {
            product_id,
            quantity,
            price: None,
        }
    }
}

/// Lists orders, a page at a time, optionally filtered by status and customer.
///
/// `GET /orders`, scope `orders_read`. The path is documented publicly by
/// Finqu. The client adds `page` and `limit`.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::orders::{ListOrders, OrderStatus};
///
/// let list = ListOrders { status: Some(OrderStatus::Pending), customer_id: Some(3) };
/// assert_eq!(
///     list.query().unwrap(),
///     [("status".to_owned(), "pending".to_owned()), ("customer_id".to_owned(), "3".to_owned())]
/// );
/// assert!(ListOrders::default().query().unwrap().is_empty());
/// ```
#[finqu_endpoint(method = GET, path = "/orders", scope = "orders_read", paginated = Order)]
#[derive(Debug, Clone, Default)]
pub struct ListOrders {
    /// Only orders with this status.
    #[query]
    pub status: Option<OrderStatus>,
    /// Only orders of this customer.
    #[query]
    pub customer_id: Option<u64>,
}

/// Reads one order.
///
/// `GET /orders/{id}`, scope `orders_read`. Follows the REST shape of Finqu's
/// documented `/orders` paths.
#[finqu_endpoint(method = GET, path = "/orders/{id}", scope = "orders_read", response = Order)]
#[derive(Debug, Clone)]
pub struct GetOrder {
    /// The order's id.
    pub id: u64,
}

/// Creates an order; answers the order as stored, with its id and total.
///
/// `POST /orders`, scope `orders_write`. The path is documented publicly by
/// Finqu.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::orders::{CreateOrder, OrderItem};
///
/// let create = CreateOrder::new(1, vec![OrderItem::new(7, 2)]);
/// assert_eq!(
///     create.body().unwrap().unwrap(),
///     br#"{"customer_id":1,"items":[{"product_id":7,"quantity":2}]}"#
/// );
/// ```
#[finqu_endpoint(method = POST, path = "/orders", scope = "orders_write", response = Order)]
#[derive(Debug, Clone)]
pub struct CreateOrder {
    /// Who orders.
    pub customer_id: u64,
    /// What: at least one line.
    pub items: Vec<OrderItem>,
    /// The initial status; Finqu's default (`pending`) when `None`.
    pub status: Option<OrderStatus>,
}

impl CreateOrder {
    /// An order of `items` by `customer_id`, in the default status.
    pub fn new(customer_id: u64, items: Vec<OrderItem>) -> Self {
        CreateOrder {
            customer_id,
            items,
            status: None,
        }
    }
}

/// Changes an order: only the fields that are `Some` are sent, and only those
/// change. Answers the updated order.
///
/// `PUT /orders/{id}`, scope `orders_write`. Follows the REST shape of
/// Finqu's documented `/orders` paths.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::orders::{OrderStatus, UpdateOrder};
///
/// let update = UpdateOrder { status: Some(OrderStatus::Fulfilled), ..UpdateOrder::new(9) };
/// assert_eq!(update.path().unwrap(), "/orders/9");
/// assert_eq!(update.body().unwrap().unwrap(), br#"{"status":"fulfilled"}"#);
/// ```
#[finqu_endpoint(method = PUT, path = "/orders/{id}", scope = "orders_write", response = Order)]
#[derive(Debug, Clone)]
pub struct UpdateOrder {
    /// The order's id.
    pub id: u64,
    /// A new status.
    pub status: Option<OrderStatus>,
    /// Another customer.
    pub customer_id: Option<u64>,
    /// New lines, replacing all of the current ones.
    pub items: Option<Vec<OrderItem>>,
}

impl UpdateOrder {
    /// An update of order `id` that changes nothing yet; set the fields to change.
    pub fn new(id: u64) -> Self {
        UpdateOrder {
            id,
            status: None,
            customer_id: None,
            items: None,
        }
    }
}
