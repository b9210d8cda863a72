use finqu::grant;

grant!(pub ShopSync = "orders_read prodcts_read");

fn main() {}
