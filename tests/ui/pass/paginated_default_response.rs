//! A paginated endpoint without `response` decodes pages as `Vec<Item>`.
use finqu::{Endpoint, Paginated, finqu_endpoint};

#[derive(Debug, serde::Deserialize)]
pub struct Customer {
    pub id: u64,
}

#[finqu_endpoint(method = GET, path = "/customers", scope = "customers_read", paginated = Customer)]
pub struct ListCustomers {
    #[query]
    pub email: Option<String>,
}

fn page_of<P: Paginated>(_: &P) -> Option<Vec<P::Item>> {
    None
}

fn main() {
    let list = ListCustomers { email: None };
    let _: Option<Vec<Customer>> = page_of(&list);
    let _: Option<<ListCustomers as Endpoint>::Response> = None::<Vec<Customer>>;
    assert!(list.query().unwrap().is_empty());
}
