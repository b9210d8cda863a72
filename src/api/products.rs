//! Products: list, get, create, update, delete.
//!
//! These paths are not publicly documented; they follow Finqu's REST
//! conventions (the shape of the documented `/orders`).

use finqu_core::finqu_endpoint;
use serde::{Deserialize, Serialize};

/// A product, as the merchant API returns it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Product {
    /// Finqu's id.
    pub id: u64,
    /// Display name.
    pub name: String,
    /// Stock keeping unit, unique in the store.
    #[serde(default)]
    pub sku: Option<String>,
    /// Unit price in the store's currency (a JSON number).
    #[serde(default)]
    pub price: f64,
    /// Units in stock.
    #[serde(default)]
    pub stock: u64,
    /// When the product was created (RFC 3339).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When the product was last updated (RFC 3339), if ever.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// Lists products, a page at a time.
///
/// `GET /products`, scope `products_read`. Not publicly documented; follows
/// Finqu's REST conventions. The client adds `page` and `limit`.
#[finqu_endpoint(method = GET, path = "/products", scope = "products_read", paginated = Product)]
#[derive(Debug, Clone, Default)]
pub struct ListProducts;

/// Reads one product.
///
/// `GET /products/{id}`, scope `products_read`. Not publicly documented;
/// follows Finqu's REST conventions.
#[finqu_endpoint(method = GET, path = "/products/{id}", scope = "products_read", response = Product)]
#[derive(Debug, Clone)]
pub struct GetProduct {
    /// The product's id.
    pub id: u64,
}

/// Creates a product; answers it as stored, with its id.
///
/// `POST /products`, scope `products_write`. Not publicly documented;
/// follows Finqu's REST conventions.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::products::CreateProduct;
///
/// let create = CreateProduct::new("Mug", "MUG-1", 12.5);
/// assert_eq!(create.body().unwrap().unwrap(), br#"{"name":"Mug","sku":"MUG-1","price":12.5}"#);
/// ```
#[finqu_endpoint(method = POST, path = "/products", scope = "products_write", response = Product)]
#[derive(Debug, Clone)]
pub struct CreateProduct {
    /// Display name, not empty.
    pub name: String,
    /// Stock keeping unit, unique in the store.
    pub sku: String,
    /// Unit price in the store's currency, at most two decimals.
    pub price: f64,
    /// Units in stock; 0 when `None`.
    pub stock: Option<u64>,
}

impl CreateProduct {
    /// A product with no stock.
    pub fn new(name: impl Into<String>, sku: impl Into<String>, price: f64) -> Self {
        CreateProduct {
            name: name.into(),
            sku: sku.into(),
            price,
            stock: None,
        }
    }
}

/// Changes a product: only the fields that are `Some` are sent, and only
/// those change. Answers the updated product.
///
/// `PUT /products/{id}`, scope `products_write`. Not publicly documented;
/// follows Finqu's REST conventions.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::products::UpdateProduct;
///
/// let update = UpdateProduct { price: Some(9.9), stock: Some(3), ..UpdateProduct::new(7) };
/// assert_eq!(update.path().unwrap(), "/products/7");
/// assert_eq!(update.body().unwrap().unwrap(), br#"{"price":9.9,"stock":3}"#);
/// ```
#[finqu_endpoint(method = PUT, path = "/products/{id}", scope = "products_write", response = Product)]
#[derive(Debug, Clone)]
pub struct UpdateProduct {
    /// The product's id.
    pub id: u64,
    /// A new name.
    pub name: Option<String>,
    /// A new SKU.
    pub sku: Option<String>,
    /// A new unit price.
    pub price: Option<f64>,
    /// A new stock level.
    pub stock: Option<u64>,
}

impl UpdateProduct {
    /// An update of product `id` that changes nothing yet; set the fields to change.
    pub fn new(id: u64) -> Self {
        UpdateProduct {
            id,
            name: None,
            sku: None,
            price: None,
            stock: None,
        }
    }
}

/// Deletes a product. Finqu answers `204 No Content`.
///
/// `DELETE /products/{id}`, scope `products_write`. Not publicly documented;
/// follows Finqu's REST conventions.
#[finqu_endpoint(method = DELETE, path = "/products/{id}", scope = "products_write", response = ())]
#[derive(Debug, Clone)]
pub struct DeleteProduct {
    /// The product's id.
    pub id: u64,
}
