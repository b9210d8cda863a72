use finqu::grant;

grant!(pub ShopSync = "orders_read", "products_read orders_read");

fn main() {}
