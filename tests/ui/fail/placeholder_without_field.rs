use finqu::finqu_endpoint;

#[finqu_endpoint(method = GET, path = "/orders/{order_id}", scope = "orders_read", response = ())]
pub struct GetOrder {
    pub id: u64,
}

fn main() {}
