//! Only the declaration's own error is reported, not a second one at the call.
use finqu::{Client, finqu_endpoint, grant};

#[derive(Debug, serde::Deserialize)]
pub struct Product {
    pub id: u64,
}

#[finqu_endpoint(method = GET, path = "/products", scope = "products_read", paginated = Product)]
pub struct ListProducts {
    #[query]
    pub limit: u32,
}

grant!(pub Catalog = "products_read");

async fn list(client: &Client<Catalog>) {
    let _ = client.send(ListProducts { limit: 5 }).await;
}

fn main() {}
