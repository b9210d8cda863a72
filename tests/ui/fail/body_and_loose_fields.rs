use finqu::finqu_endpoint;

#[finqu_endpoint(method = POST, path = "/webhooks", scope = "orders_read", response = ())]
pub struct CreateWebhook {
    #[body]
    pub webhook: String,
    pub address: String,
}

fn main() {}
