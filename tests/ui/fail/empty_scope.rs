use finqu::finqu_endpoint;

#[finqu_endpoint(method = GET, path = "/orders", scope = "  ", response = ())]
pub struct ListOrders;

fn main() {}
