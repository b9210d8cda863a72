//! Customers: list, get, create, update.
//!
//! These paths are not publicly documented; they follow Finqu's REST
//! conventions (the shape of the documented `/orders`).

use finqu_core::finqu_endpoint;
use serde::{Deserialize, Serialize};

/// A customer, as the merchant API returns it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Customer {
    /// Finqu's id.
    pub id: u64,
    /// Email address, unique in the store.
    pub email: String,
    /// Given name.
    #[serde(default)]
    pub first_name: Option<String>,
    /// Family name.
    #[serde(default)]
    pub last_name: Option<String>,
    /// When the customer was created (RFC 3339).
    #[serde(default)]
    pub created_at: Option<String>,
    /// When the customer was last updated (RFC 3339), if ever.
    #[serde(default)]
    pub updated_at: Option<String>,
}

/// Lists customers, a page at a time.
///
/// `GET /customers`, scope `customers_read`. Not publicly documented;
/// follows Finqu's REST conventions. The client adds `page` and `limit`.
#[finqu_endpoint(method = GET, path = "/customers", scope = "customers_read", paginated = Customer)]
#[derive(Debug, Clone, Default)]
pub struct ListCustomers;

/// Reads one customer.
///
/// `GET /customers/{id}`, scope `customers_read`. Not publicly documented;
/// follows Finqu's REST conventions.
#[finqu_endpoint(method = GET, path = "/customers/{id}", scope = "customers_read", response = Customer)]
#[derive(Debug, Clone)]
pub struct GetCustomer {
    /// The customer's id.
    pub id: u64,
}

/// Creates a customer; answers it as stored, with its id.
///
/// `POST /customers`, scope `customers_write`. Not publicly documented;
/// follows Finqu's REST conventions.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::customers::CreateCustomer;
///
/// let create = CreateCustomer { first_name: Some("Aino".into()), ..CreateCustomer::new("aino@example.test") };
/// assert_eq!(create.body().unwrap().unwrap(), br#"{"email":"aino@example.test","first_name":"Aino"}"#);
/// ```
#[finqu_endpoint(method = POST, path = "/customers", scope = "customers_write", response = Customer)]
#[derive(Debug, Clone)]
pub struct CreateCustomer {
    /// Email address, unique in the store.
    pub email: String,
    /// Given name.
    pub first_name: Option<String>,
    /// Family name.
    pub last_name: Option<String>,
}

impl CreateCustomer {
    /// A customer known by email only.
    pub fn new(email: impl Into<String>) -> Self {
        CreateCustomer {
            email: email.into(),
            first_name: None,
            last_name: None,
        }
    }
}

/// Changes a customer: only the fields that are `Some` are sent, and only
/// those change. Answers the updated customer.
///
/// `PUT /customers/{id}`, scope `customers_write`. Not publicly documented;
/// follows Finqu's REST conventions.
///
/// ```
/// use finqu::Endpoint;
/// use finqu::api::customers::UpdateCustomer;
///
/// let update = UpdateCustomer { last_name: Some("Laine".into()), ..UpdateCustomer::new(4) };
/// assert_eq!(update.path().unwrap(), "/customers/4");
/// assert_eq!(update.body().unwrap().unwrap(), br#"{"last_name":"Laine"}"#);
/// ```
#[finqu_endpoint(method = PUT, path = "/customers/{id}", scope = "customers_write", response = Customer)]
#[derive(Debug, Clone)]
pub struct UpdateCustomer {
    /// The customer's id.
    pub id: u64,
    /// A new email address.
    pub email: Option<String>,
    /// A new given name.
    pub first_name: Option<String>,
    /// A new family name.
    pub last_name: Option<String>,
}

impl UpdateCustomer {
    /// An update of customer `id` that changes nothing yet; set the fields to change.
    pub fn new(id: u64) -> Self {
        UpdateCustomer {
            id,
            email: None,
            first_name: None,
            last_name: None,
        }
    }
}
