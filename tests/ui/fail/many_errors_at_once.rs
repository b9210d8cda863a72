use finqu::finqu_endpoint;

#[finqu_endpoint(method = FETCH, path = "orders/{order}", scope = "orders-read", respnse = ())]
pub struct Broken {
    pub id: u64,
}

fn main() {}
