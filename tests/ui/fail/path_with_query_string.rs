use finqu::finqu_endpoint;

#[finqu_endpoint(method = GET, path = "/orders?page=2", scope = "orders_read", response = ())]
pub struct ListOrders;

fn main() {}
