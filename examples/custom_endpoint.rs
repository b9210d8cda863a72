//! A library author declares a scope and an endpoint that finqu-rs does not
//! ship, and an application uses them with its grant.
//!
//! ```text
//! cargo run --example custom_endpoint
//! ```
//!
//! Runs against the fake Finqu: the app authorizes with the installed-app
//! flow (the fake's consent redirects to the app's loopback listener), then
//! sends the custom endpoint.
#![allow(clippy::print_stdout, reason = "an example prints what it does")]

use std::time::Duration;

use finqu::auth::Authorizer;
use finqu::{Endpoint, Grant, grant};
use finqu_testkit::FakeFinqu;

/// What a library author publishes: a scope of their own and an endpoint
/// that needs it. Nothing here is special to finqu-rs's own catalogue.
pub mod webhook_tools {
    use finqu::finqu_endpoint;
    use serde::Deserialize;

    finqu::scope!(
        /// Manage the shop's webhook subscriptions (a scope finqu-rs has no type for).
        pub WebhooksManage = "webhooks_manage"
    );

    /// A webhook subscription, as much of it as these tools need.
    #[derive(Debug, Deserialize)]
    pub struct Subscription {
        /// Finqu's id.
        pub id: u64,
        /// The event, such as `orders/update`.
        pub topic: String,
        /// Where Finqu posts it.
        pub address: String,
    }

    /// Subscribe `address` to `topic`.
    #[finqu_endpoint(method = POST, path = "/webhooks", scope = WebhooksManage, response = Subscription)]
    #[derive(Debug)]
    pub struct Subscribe {
        /// The event, such as `orders/update`.
        pub topic: String,
        /// Where Finqu posts it.
        pub address: String,
    }

    /// Every webhook subscription of the shop.
    #[finqu_endpoint(method = GET, path = "/webhooks", scope = WebhooksManage, response = Vec<Subscription>)]
    #[derive(Debug)]
    pub struct ListSubscriptions {
        /// Page size.
        #[query]
        pub limit: Option<u32>,
    }
}

// The application's grant: a built-in scope and the library's own.
grant!(
    /// What the integration app holds.
    pub Integrations = "orders_read", webhook_tools::WebhooksManage
);

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A free loopback port for the app's redirect URI.
    let port = std::net::TcpListener::bind("127.0.0.1:0")?
        .local_addr()?
        .port();
    let redirect = format!("http://127.0.0.1:{port}/callback");
    let fake = FakeFinqu::builder()
        .redirect_uris([redirect.clone()])
        .start()
        .await;
    println!("fake Finqu at {}", fake.login_url());

    let app = fake.client();
    let authorizer: Authorizer<Integrations> =
        Authorizer::builder(app.id(), app.secret(), redirect)
            .login_server(fake.login_url())
            .allow_loopback_http(true)
            .build()?;
    println!(
        "the authorize request asks for `{}`",
        Integrations::scope_param()
    );

    let session = authorizer
        .authorize_installed_app(Duration::from_secs(30), |url| {
            // Plays the merchant's browser: follows the fake's redirect to the app's listener.
            let url = url.clone();
            tokio::spawn(async move { reqwest::get(url).await.map(|r| r.status()) });
        })
        .await?;
    println!("authorized for merchant `{}`", session.merchant().name());

    let client = session.client();
    let created = client
        .send(webhook_tools::Subscribe {
            topic: "orders/update".into(),
            address: "https://example.com/hooks/orders".into(),
        })
        .await?;
    println!("subscribed #{} to {}", created.id, created.topic);

    let list = webhook_tools::ListSubscriptions { limit: Some(50) };
    println!(
        "sending GET {} (scopes {:?})",
        webhook_tools::ListSubscriptions::PATH_TEMPLATE,
        webhook_tools::ListSubscriptions::SCOPES
    );
    let subscriptions = client.send(list).await?;
    println!("{} webhook subscription(s)", subscriptions.len());
    for s in &subscriptions {
        println!("  #{} {} → {}", s.id, s.topic, s.address);
    }
    Ok(())
}
