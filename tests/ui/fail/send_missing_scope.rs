use finqu::{Client, finqu_endpoint, grant};

#[derive(Debug, serde::Deserialize)]
pub struct Order {
    pub id: u64,
}

#[finqu_endpoint(method = POST, path = "/orders", scope = "orders_write", response = Order)]
pub struct CreateOrder {
    pub customer_id: String,
}

grant!(pub ShopSync = "orders_read products_read");

async fn sync(client: &Client<ShopSync>) {
    let _ = client.send(CreateOrder { customer_id: "c-1".into() }).await;
}

fn main() {}
