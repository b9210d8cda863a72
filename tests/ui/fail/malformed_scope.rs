use finqu::finqu_endpoint;

#[finqu_endpoint(method = GET, path = "/orders", scope = "OrdersRead", response = ())]
pub struct ListOrders;

fn main() {}
