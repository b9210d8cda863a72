//! An endpoint that needs two scopes can be sent by a grant holding both.
use finqu::{Client, finqu_endpoint, grant};

#[derive(Debug, serde::Deserialize)]
pub struct Order {
    pub id: u64,
}

#[finqu_endpoint(method = POST, path = "/orders", scope = "orders_write customers_write", response = Order)]
pub struct CreateOrderForNewCustomer {
    pub email: String,
}

grant!(pub Checkout = "customers_write orders_write orders_read");

async fn checkout(client: &Client<Checkout>) -> Result<Order, finqu::Error> {
    client.send(CreateOrderForNewCustomer { email: "a@example.com".into() }).await
}

fn main() {
    let _ = checkout;
}
