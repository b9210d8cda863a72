use finqu::finqu_endpoint;

pub struct GiftCardsRead;

#[finqu_endpoint(method = GET, path = "/gift-cards", scope = GiftCardsRead, response = ())]
pub struct ListGiftCards;

fn main() {}
