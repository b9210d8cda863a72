//! A library author's own scope, used by an endpoint and a grant.
use finqu::{Authorized, Endpoint, Grant, Scope, finqu_endpoint, grant, scope};

scope! {
    /// Read gift cards.
    pub GiftCardsRead = "gift_cards_read"
}

#[derive(Debug, serde::Deserialize)]
pub struct GiftCard {
    pub code: String,
}

#[finqu_endpoint(method = GET, path = "/gift-cards", scope = GiftCardsRead, response = Vec<GiftCard>)]
pub struct ListGiftCards;

#[finqu_endpoint(method = GET, path = "/gift-cards/{id}", scope = ["orders_read", GiftCardsRead], response = GiftCard)]
pub struct GetGiftCardOrder {
    pub id: u64,
}

grant!(pub Cards = "orders_read", GiftCardsRead);

fn sendable<G: Grant, E: Authorized<G>>() {}

fn main() {
    sendable::<Cards, ListGiftCards>();
    sendable::<Cards, GetGiftCardOrder>();
    assert_eq!(GiftCardsRead::NAME, "gift_cards_read");
    assert_eq!(GetGiftCardOrder::SCOPES, ["orders_read", "gift_cards_read"]);
    assert_eq!(Cards::scope_param(), "orders_read gift_cards_read");
}
