use finqu::finqu_endpoint;

pub struct OrderId(u64);

#[finqu_endpoint(method = GET, path = "/orders/{id}", scope = "orders_read", response = ())]
pub struct GetOrder {
    pub id: OrderId,
}

fn main() {}
