use finqu::finqu_endpoint;

#[finqu_endpoint(method = GET, path = "/orders", scope = "orders_read", response = ())]
pub union ListOrders {
    pub page: u32,
}

fn main() {}
