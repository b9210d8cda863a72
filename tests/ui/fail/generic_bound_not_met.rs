use finqu::scopes::OrdersWrite;
use finqu::{Grants, grant};

fn create_orders<G: Grants<OrdersWrite>>() {}

grant!(pub Reporting = "orders_read");

fn main() {
    create_orders::<Reporting>();
}
