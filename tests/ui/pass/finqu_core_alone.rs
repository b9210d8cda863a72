//! A crate that depends on finqu-core alone: nothing names `finqu`.
use finqu_core::{Client, Endpoint, Grant, finqu_endpoint, grant, scope};

scope!(pub LoyaltyRead = "loyalty_read");

#[derive(Debug, serde::Deserialize)]
pub struct Points {
    pub total: u64,
}

#[finqu_endpoint(method = GET, path = "/customers/{id}/points", scope = ["customers_read", LoyaltyRead], response = Points)]
pub struct GetPoints {
    pub id: u64,
}

grant!(pub Loyalty = "customers_read", LoyaltyRead);

async fn points(client: &Client<Loyalty>) -> Result<Points, finqu_core::Error> {
    client.send(GetPoints { id: 5 }).await
}

fn main() {
    let _ = points;
    assert_eq!(GetPoints { id: 5 }.path().unwrap(), "/customers/5/points");
    assert_eq!(Loyalty::scope_names(), ["customers_read", "loyalty_read"]);
}
