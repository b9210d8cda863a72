use finqu::finqu_endpoint;

#[finqu_endpoint(method = GET, path = "/orders", scope = "orders_read", response = ())]
pub struct GetOrder {
    #[path]
    pub id: u64,
}

fn main() {}
