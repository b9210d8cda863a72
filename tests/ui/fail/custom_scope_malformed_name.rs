finqu::scope!(pub GiftCards = "GiftCards");

fn main() {}
