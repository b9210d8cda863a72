use finqu::finqu_endpoint;

#[finqu_endpoint(method = GET, path = "/orders/{id}", scope = "orders_read", response = ())]
pub struct GetOrder<T: std::fmt::Display> {
    pub id: T,
}

fn main() {}
