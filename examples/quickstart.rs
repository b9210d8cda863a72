//! Quickstart: authorize, discover the merchant, then make scoped calls.
//!
//! ```text
//! cargo run --example quickstart
//! ```
//!
//! With no configuration it starts finqu-testkit's fake Finqu in-process on
//! loopback and plays the merchant's browser itself: authorize → callback →
//! token → discovery, then lists products across pages, creates an order and
//! reads it back, printing each step.
//!
//! With `FINQU_CLIENT_ID`, `FINQU_CLIENT_SECRET` and `FINQU_REDIRECT_URI`
//! (a loopback URI such as `http://127.0.0.1:8910/callback`, registered for
//! your app) set, it runs the same against the real Finqu with the installed-app
//! flow: it prints the authorize URL, you open it, and it waits for the callback.
#![allow(clippy::print_stdout, reason = "an example prints what it does")]

use std::time::Duration;

use finqu::api::orders::{CreateOrder, GetOrder, OrderItem};
use finqu::api::products::ListProducts;
use finqu::auth::{Authorizer, Session};
use finqu::{Grant, grant};
use finqu_testkit::FakeFinqu;
use futures_util::TryStreamExt;

// The scopes this application holds. Sending an endpoint that needs any other
// scope does not compile; the authorize request asks for exactly these.
grant!(
    /// What the quickstart may do.
    pub ShopSync = "products_read orders_read orders_write"
);

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let real = [
        "FINQU_CLIENT_ID",
        "FINQU_CLIENT_SECRET",
        "FINQU_REDIRECT_URI",
    ]
    .map(|k| std::env::var(k).ok());
    let (session, fake) = match real {
        [Some(id), Some(secret), Some(redirect)] => (real_finqu(id, secret, redirect).await?, None),
        _ => {
            let (session, fake) = fake_finqu().await?;
            (session, Some(fake))
        }
    };
    let merchant = session.merchant();
    println!(
        "4. discovered merchant `{}` ({}), API at {}",
        merchant.name(),
        merchant.id(),
        session.api_url()
    );
    println!(
        "   the token holds every scope of `ShopSync`: {}",
        ShopSync::scope_param()
    );

    let client = session.client();

    // A page at a time, with the counts Finqu reports...
    let first = client.page(&ListProducts, 1, 50).await?;
    println!(
        "5. products: {} in all, {} pages of 50; page 1 starts with `{}`",
        first.total_items.unwrap_or_default(),
        first.page_count.unwrap_or_default(),
        first.items.first().map_or("-", |p| p.name.as_str()),
    );
    // ...or every item as a stream that follows the `Link` header.
    let products: Vec<_> = client.paginate(ListProducts).try_collect().await?;
    println!("   streamed {} products across every page", products.len());

    let order = client
        .send(CreateOrder {
            customer_id: 1,
            items: vec![OrderItem::new(products[1].id, 3)],
            status: None,
        })
        .await?;
    println!(
        "6. created order {} ({:?}), total {:.2}",
        order.id, order.status, order.total
    );

    let again = client.send(GetOrder { id: order.id }).await?;
    println!(
        "7. read it back: order {} is {:?} with {} line(s)",
        again.id,
        again.status,
        again.items.len()
    );

    if let Some(fake) = fake {
        println!(
            "done: the fake saw {} token request(s) and {} POST /orders",
            fake.count("POST /oauth2/access_token"),
            fake.count("POST /orders")
        );
    }
    Ok(())
}

/// The whole flow against the fake Finqu, with this program as the browser.
async fn fake_finqu() -> Result<(Session<ShopSync>, FakeFinqu), Box<dyn std::error::Error>> {
    let fake = FakeFinqu::start().await;
    println!("1. fake Finqu running at {}", fake.login_url());
    let app = fake.client();
    let authorizer: Authorizer<ShopSync> =
        Authorizer::builder(app.id(), app.secret(), app.redirect_uri())
            .login_server(fake.login_url())
            .allow_loopback_http(true)
            .build()?;

    let (authorize_url, pending) = authorizer.authorize_url();
    println!("2. send the merchant to {}", authorize_url.path());

    // The merchant consents; Finqu redirects the browser back to the app.
    let browser = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()?;
    let consent = browser.get(authorize_url).send().await?;
    let callback = consent
        .headers()
        .get(reqwest::header::LOCATION)
        .ok_or("no redirect from authorize")?
        .to_str()?;
    println!(
        "3. callback received at {}",
        callback.split('?').next().unwrap_or_default()
    );

    // State checked, code exchanged with the PKCE verifier, grant verified, merchant discovered.
    let session = authorizer.complete(pending, callback).await?;
    Ok((session, fake))
}

/// The installed-app flow (RFC 8252) against the real Finqu.
async fn real_finqu(
    id: String,
    secret: String,
    redirect: String,
) -> Result<Session<ShopSync>, Box<dyn std::error::Error>> {
    let authorizer: Authorizer<ShopSync> = Authorizer::builder(id, secret, redirect).build()?;
    println!("1. real Finqu at {}", finqu::auth::DEFAULT_AUTHORIZE_URL);
    let session = authorizer
        .authorize_installed_app(Duration::from_secs(300), |url| {
            println!("2. open this URL in your browser to authorize the app:\n   {url}");
        })
        .await?;
    println!("3. callback received; token exchanged and grant verified");
    Ok(session)
}
