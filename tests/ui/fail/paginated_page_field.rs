use finqu::finqu_endpoint;

#[derive(serde::Deserialize)]
pub struct Product {
    pub id: u64,
}

#[finqu_endpoint(method = GET, path = "/products", scope = "products_read", paginated = Product)]
pub struct ListProducts {
    #[query]
    pub page: u32,
}

fn main() {}
