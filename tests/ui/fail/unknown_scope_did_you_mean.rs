use finqu::finqu_endpoint;

#[finqu_endpoint(method = POST, path = "/orders", scope = "order_write", response = ())]
pub struct CreateOrder {
    pub customer_id: String,
}

fn main() {}
