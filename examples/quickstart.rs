//! Quickstart: scoped calls to a Finqu merchant API, on the built-in fake Finqu.
//!
//! ```text
//! cargo run --example quickstart
//! ```
//!
//! Needs no account: it starts `finqu-testkit`'s fake Finqu in-process on
//! loopback, gets a token for the grant below, checks that the token really
//! carries the grant's scopes, then lists products, creates an order and reads
//! it back.
#![allow(clippy::print_stdout, reason = "an example prints what it does")]

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use finqu::{
    AccessToken, Client, Grant, TokenError, TokenSource, finqu_endpoint, grant, verify_grant,
};
use finqu_testkit::FakeFinqu;
use serde::{Deserialize, Serialize};

/// A product, as the merchant API returns it.
#[derive(Debug, Deserialize)]
pub struct Product {
    /// Finqu's id.
    pub id: u64,
    /// Display name.
    pub name: String,
    /// Unit price.
    pub price: f64,
}

/// An order.
#[derive(Debug, Deserialize)]
pub struct Order {
    /// Finqu's id.
    pub id: u64,
    /// Order status, such as `pending`.
    pub status: String,
    /// Sum of the lines.
    pub total: f64,
}

/// One order line.
#[derive(Debug, Serialize)]
pub struct OrderItem {
    /// The product ordered.
    pub product_id: u64,
    /// How many.
    pub quantity: u32,
}

/// A page of products.
#[finqu_endpoint(method = GET, path = "/products", scope = "products_read", response = Vec<Product>)]
#[derive(Debug)]
pub struct ListProducts {
    /// Page number, from 1.
    #[query]
    pub page: u32,
    /// Page size, at most 50.
    #[query]
    pub limit: u32,
}

/// Create an order.
#[finqu_endpoint(method = POST, path = "/orders", scope = "orders_write", response = Order)]
#[derive(Debug)]
pub struct CreateOrder {
    /// Who orders.
    pub customer_id: u64,
    /// What.
    pub items: Vec<OrderItem>,
}

/// Read one order.
#[finqu_endpoint(method = GET, path = "/orders/{id}", scope = "orders_read", response = Order)]
#[derive(Debug)]
pub struct GetOrder {
    /// The order's id.
    pub id: u64,
}

// The scopes this application holds. Sending an endpoint that needs any other
// scope does not compile.
grant!(
    /// What the quickstart may do.
    pub ShopSync = "products_read orders_read orders_write"
);

/// A token that the fake Finqu minted. (finqu-auth's `Session` plays this part
/// with a real OAuth flow and refreshes.)
#[derive(Debug)]
struct MintedToken(AccessToken);

impl TokenSource for MintedToken {
    fn access_token(
        &self,
    ) -> Pin<Box<dyn Future<Output = Result<AccessToken, TokenError>> + Send + '_>> {
        Box::pin(async move { Ok(self.0.clone()) })
    }

    fn refresh_after_unauthorized<'a>(
        &'a self,
        _rejected: &'a AccessToken,
    ) -> Pin<Box<dyn Future<Output = Result<AccessToken, TokenError>> + Send + 'a>> {
        Box::pin(async {
            Err(TokenError::reauthorization_required(
                "a minted token cannot be refreshed",
                None,
            ))
        })
    }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let finqu = FakeFinqu::start().await;
    println!(
        "1. fake Finqu running: login server {}, merchant API {}",
        finqu.login_url(),
        finqu.api_url()
    );

    let tokens = finqu.issue_tokens(&ShopSync::scope_param());
    println!("2. token issued for scopes `{}`", tokens.scope());

    verify_grant::<ShopSync>(Some(tokens.scope()))?;
    println!("3. the token carries every scope of `ShopSync`");

    let client: Client<ShopSync> = Client::new(
        finqu.api_url().parse()?,
        Arc::new(MintedToken(AccessToken::new(tokens.access_token()))),
    );

    let mut listed = 0;
    for page in 1..=3 {
        let products = client.send(ListProducts { page, limit: 50 }).await?;
        listed += products.len();
        if let Some(first) = products.first() {
            println!(
                "4. page {page}: {} products, first `{}` at {:.2}",
                products.len(),
                first.name,
                first.price
            );
        }
    }
    println!("   {listed} products listed across 3 pages");

    let order = client
        .send(CreateOrder {
            customer_id: 1,
            items: vec![OrderItem {
                product_id: 2,
                quantity: 3,
            }],
        })
        .await?;
    println!(
        "5. created order {} ({}), total {:.2}",
        order.id, order.status, order.total
    );

    let again = client.send(GetOrder { id: order.id }).await?;
    println!("6. read it back: order {} is {}", again.id, again.status);
    assert_eq!(again.id, order.id);

    println!(
        "done: POST /orders was sent {} time(s)",
        finqu.count("POST /orders")
    );
    Ok(())
}
