use finqu::finqu_endpoint;

#[finqu_endpoint(method = DELETE, path = "/products/{id}", scope = "products_write", response = ())]
pub struct DeleteProduct {
    pub id: u64,
    #[body]
    pub reason: String,
}

fn main() {}
