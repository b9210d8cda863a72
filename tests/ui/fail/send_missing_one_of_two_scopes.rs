use finqu::{Client, finqu_endpoint, grant};

#[derive(Debug, serde::Deserialize)]
pub struct Order {
    pub id: u64,
}

#[finqu_endpoint(method = POST, path = "/orders", scope = "orders_write customers_write", response = Order)]
pub struct CreateOrderForNewCustomer {
    pub email: String,
}

grant!(pub Checkout = "orders_write");

async fn checkout(client: &Client<Checkout>) {
    let _ = client.send(CreateOrderForNewCustomer { email: "a@example.com".into() }).await;
}

fn main() {}
