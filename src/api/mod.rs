//! Finqu's endpoints, declared with [`finqu_endpoint`](crate::finqu_endpoint),
//! and their models: one module per resource.
//!
//! Each endpoint is a request struct; [`Client::send`](crate::Client::send)
//! sends it, and compiles only when the client's grant holds the endpoint's
//! scope. List endpoints are [`Paginated`](crate::Paginated): send them with
//! [`Client::paginate`](crate::Client::paginate) or
//! [`Client::page`](crate::Client::page), which add `page` and `limit`.
//!
//! ```
//! # use std::{future::Future, pin::Pin, sync::Arc};
//! # use finqu::{AccessToken, TokenError, TokenSource};
//! # /// A token minted by the fake; it cannot be refreshed.
//! # #[derive(Debug)]
//! # struct Minted(AccessToken);
//! # impl TokenSource for Minted {
//! #     fn access_token(&self) -> Pin<Box<dyn Future<Output = Result<AccessToken, TokenError>> + Send + '_>> {
//! #         Box::pin(async move { Ok(self.0.clone()) })
//! #     }
//! #     fn refresh_after_unauthorized<'a>(&'a self, _: &'a AccessToken)
//! #         -> Pin<Box<dyn Future<Output = Result<AccessToken, TokenError>> + Send + 'a>> {
//! #         Box::pin(async { Err(TokenError::reauthorization_required("minted", None)) })
//! #     }
//! # }
//! use finqu::api::orders::{CreateOrder, GetOrder, ListOrders, OrderItem, OrderStatus};
//! use finqu::{Client, grant};
//!
//! grant!(
//!     /// What this app holds.
//!     pub Shop = "orders_read orders_write"
//! );
//!
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() -> Result<(), finqu::Error> {
//! // The fake Finqu of finqu-testkit, on loopback; a real merchant API works the same.
//! let finqu = finqu_testkit::FakeFinqu::start().await;
//! let token = AccessToken::new(finqu.issue_tokens("orders_read orders_write").access_token());
//! let client: Client<Shop> = Client::new(finqu.api_url().parse().unwrap(), Arc::new(Minted(token)));
//!
//! let created = client.send(CreateOrder::new(1, vec![OrderItem::new(7, 2)])).await?;
//! let read = client.send(GetOrder { id: created.id }).await?;
//! assert_eq!(read.items, created.items);
//!
//! // Every pending order, page after page.
//! use futures_util::TryStreamExt;
//! let pending = ListOrders { status: Some(OrderStatus::Pending), ..ListOrders::default() };
//! let pending: Vec<_> = client.paginate(pending).try_collect().await?;
//! assert!(pending.iter().all(|order| order.status == OrderStatus::Pending));
//!
//! // Or one page, with the counts Finqu reports.
//! let first = client.page(&ListOrders::default(), 1, 50).await?;
//! assert_eq!(first.total_items, Some(61));
//! # Ok(())
//! # }
//! ```
//!
//! # Endpoints
//!
//! "Public" paths appear in Finqu's public documentation or in Finqu's own
//! command-line client; "convention" paths are not publicly documented and
//! follow Finqu's REST conventions (finqu-testkit serves them all).
//!
//! | endpoint | request | scope | path |
//! |---|---|---|---|
//! | [`orders::ListOrders`] (filters `status`, `customer_id`) | `GET /orders` | `orders_read` | public |
//! | [`orders::GetOrder`] | `GET /orders/{id}` | `orders_read` | REST shape of the public `/orders` |
//! | [`orders::CreateOrder`] | `POST /orders` | `orders_write` | public |
//! | [`orders::UpdateOrder`] | `PUT /orders/{id}` | `orders_write` | REST shape of the public `/orders` |
//! | [`products::ListProducts`] | `GET /products` | `products_read` | convention |
//! | [`products::GetProduct`] | `GET /products/{id}` | `products_read` | convention |
//! | [`products::CreateProduct`] | `POST /products` | `products_write` | convention |
//! | [`products::UpdateProduct`] | `PUT /products/{id}` | `products_write` | convention |
//! | [`products::DeleteProduct`] | `DELETE /products/{id}` | `products_write` | convention |
//! | [`customers::ListCustomers`] | `GET /customers` | `customers_read` | convention |
//! | [`customers::GetCustomer`] | `GET /customers/{id}` | `customers_read` | convention |
//! | [`customers::CreateCustomer`] | `POST /customers` | `customers_write` | convention |
//! | [`customers::UpdateCustomer`] | `PUT /customers/{id}` | `customers_write` | convention |
//! | [`pages::ListPages`] | `GET /pages` | `content_read` | convention |
//! | [`pages::GetPage`] | `GET /pages/{id}` | `content_read` | convention |
//! | [`pages::CreatePage`] | `POST /pages` | `content_write` | convention |
//! | [`pages::UpdatePage`] | `PUT /pages/{id}` | `content_write` | convention |
//! | [`pages::DeletePage`] | `DELETE /pages/{id}` | `content_write` | convention |
//! | [`settings::GetSettings`] | `GET /settings` | `settings_read` | convention |
//! | [`settings::UpdateSettings`] | `PUT /settings` | `settings_write` | convention |
//! | [`themes::ListChannels`] | `GET /merchants/{merchant}/channels` | `sales_channel_read` | public (CLI) |
//! | [`themes::ListThemes`] | `GET …/channels/{channel}/themes` | `themes_read` | public (CLI) |
//! | [`themes::ListVersions`] | `GET …/themes/{theme}/versions` | `themes_read` | public (CLI) |
//! | [`themes::ListAssets`] | `GET …/versions/{version}/assets` | `themes_read` | public (CLI) |
//! | [`themes::GetAsset`] | `GET …/versions/{version}/assets?asset[key]=` | `themes_read` | public (CLI) |
//! | [`themes::PutAsset`] (text `value` or base64 `attachment`) | `PUT …/versions/{version}/assets` | `themes_write` | public (CLI) |
//! | [`themes::DeleteAsset`] | `DELETE …/versions/{version}/assets?asset[key]=` | `themes_write` | public (CLI) |
//! | [`themes::CompileAssets`] | `PUT …/versions/{version}/assets/compile` | `themes_write` | public (CLI) |
//! | [`webhooks::ListWebhooks`] | `GET /webhooks` | `settings_read`¹ | REST shape of the public `POST /webhooks` |
//! | [`webhooks::GetWebhook`] | `GET /webhooks/{id}` | `settings_read`¹ | REST shape of the public `POST /webhooks` |
//! | [`webhooks::CreateWebhook`] | `POST /webhooks` | `settings_write`¹ | public |
//! | [`webhooks::DeleteWebhook`] | `DELETE /webhooks/{id}` | `settings_write`¹ | REST shape of the public `POST /webhooks` |
//!
//! ¹ Finqu documents no scope for webhooks and accepts any valid token; this
//! catalogue's choice and the way around it are in [`webhooks`].
//!
//! Models tolerate fields they do not know and fields that are missing when
//! optional. Ids are numbers, except the merchant's, which Finqu sends as a
//! string; prices are JSON numbers in the store's currency.

mod base64;
mod string_enum;

pub mod customers;
pub mod orders;
pub mod pages;
pub mod products;
pub mod settings;
pub mod themes;
pub mod webhooks;
