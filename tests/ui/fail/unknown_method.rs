use finqu::finqu_endpoint;

#[finqu_endpoint(method = FETCH, path = "/orders", scope = "orders_read", response = ())]
pub struct ListOrders;

fn main() {}
