//! Code generic over any grant that holds a scope.
use finqu::scopes::{OrdersRead, ProductsRead};
use finqu::{Client, Grants, finqu_endpoint, grant};

#[derive(Debug, serde::Deserialize)]
pub struct Order {
    pub id: u64,
}

#[finqu_endpoint(method = GET, path = "/orders/{id}", scope = "orders_read", response = Order)]
pub struct GetOrder {
    pub id: u64,
}

/// Works for every grant that can read orders.
async fn first_order<G: Grants<OrdersRead>>(client: &Client<G>) -> Result<Order, finqu::Error> {
    client.send(GetOrder { id: 1 }).await
}

fn both<G: Grants<OrdersRead> + Grants<ProductsRead>>() {}

grant!(pub Reporting = "orders_read products_read");
grant!(pub Everything = "orders_read orders_write products_read products_write");

fn main() {
    let _ = first_order::<Reporting>;
    let _ = first_order::<Everything>;
    both::<Reporting>();
    both::<Everything>();
}
