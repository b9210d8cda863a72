use finqu::finqu_endpoint;

pub struct Order {
    pub id: u64,
}

#[finqu_endpoint(method = GET, path = "/orders/{id}", scope = "orders_read", response = Order)]
pub struct GetOrder {
    pub id: u64,
}

fn main() {}
