//! Every endpoint of `finqu::api`, sent over HTTP to finqu-testkit's fake
//! Finqu with a token that holds exactly the grant's scopes.

use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use finqu::{
    AccessToken, Authorized, Client, Endpoint, Grant, Paginated, TokenError, TokenSource, grant,
};
use finqu_testkit::{FakeFinqu, Requires, Server};
use futures_util::TryStreamExt;

use finqu::api::{customers, orders, pages, products, settings, themes, webhooks};

grant!(OrderDesk = "orders_read orders_write");
grant!(Catalog = "products_read products_write");
grant!(Crm = "customers_read customers_write");
grant!(Content = "content_read content_write");
grant!(StoreAdmin = "settings_read settings_write");
grant!(ThemeDev = "sales_channel_read themes_read themes_write");

/// A token minted by the fake for the grant's scopes.
#[derive(Debug)]
struct Minted(AccessToken);

type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<AccessToken, TokenError>> + Send + 'a>>;

impl TokenSource for Minted {
    fn access_token(&self) -> TokenFuture<'_> {
        Box::pin(async move { Ok(self.0.clone()) })
    }

    fn refresh_after_unauthorized<'a>(&'a self, _rejected: &'a AccessToken) -> TokenFuture<'a> {
        Box::pin(async { Err(TokenError::new("a minted token is not refreshed", None)) })
    }
}

/// A fake Finqu and a client whose token holds exactly `G`'s scopes, so that
/// an endpoint declaring a scope the server does not check would be a 403.
async fn start<G: Grant>() -> (FakeFinqu, Client<G>) {
    let finqu = FakeFinqu::start().await;
    let token = finqu.issue_tokens(&G::scope_param());
    assert_eq!(token.scope(), G::scope_param());
    let minted = Arc::new(Minted(AccessToken::new(token.access_token())));
    let client = Client::new(finqu.api_url().parse().unwrap(), minted);
    (finqu, client)
}

/// Every item of a list endpoint, following `next` page after page.
async fn all<G, E>(client: &Client<G>, endpoint: &E, limit: u32) -> Vec<E::Item>
where
    G: Grant,
    E: Paginated + Authorized<G>,
{
    let mut items = Vec::new();
    let mut number = 1;
    loop {
        let page = client.page(endpoint, number, limit).await.unwrap();
        items.extend(page.items);
        match page.next {
            Some(next) if next > number => number = next,
            _ => return items,
        }
    }
}

mod routes {
    use super::*;

    macro_rules! declared {
        ($($ty:ty),* $(,)?) => {
            vec![$((
                stringify!($ty),
                <$ty as Endpoint>::METHOD.as_str(),
                <$ty as Endpoint>::PATH_TEMPLATE,
                <$ty as Endpoint>::SCOPES,
            )),*]
        };
    }

    /// Method, path template and scope of each endpoint agree with the fake's
    /// route table, and the catalogue covers every route of the merchant API.
    #[test]
    fn catalogue_and_testkit_routes_agree() {
        let catalogue = declared![
            orders::ListOrders,
            orders::GetOrder,
            orders::CreateOrder,
            orders::UpdateOrder,
            products::ListProducts,
            products::GetProduct,
            products::CreateProduct,
            products::UpdateProduct,
            products::DeleteProduct,
            customers::ListCustomers,
            customers::GetCustomer,
            customers::CreateCustomer,
            customers::UpdateCustomer,
            pages::ListPages,
            pages::GetPage,
            pages::CreatePage,
            pages::UpdatePage,
            pages::DeletePage,
            settings::GetSettings,
            settings::UpdateSettings,
            themes::ListChannels,
            themes::ListThemes,
            themes::ListVersions,
            themes::ListAssets,
            themes::GetAsset,
            themes::PutAsset,
            themes::DeleteAsset,
            themes::CompileAssets,
            webhooks::ListWebhooks,
            webhooks::GetWebhook,
            webhooks::CreateWebhook,
            webhooks::DeleteWebhook,
        ];
        let routes: Vec<_> = finqu_testkit::routes()
            .into_iter()
            .filter(|r| r.server == Server::Api)
            .collect();
        for (name, method, path, scopes) in &catalogue {
            let route = routes
                .iter()
                .find(|r| r.method == *method && r.path == *path)
                .unwrap_or_else(|| panic!("{name}: the fake serves no {method} {path}"));
            assert_eq!(scopes.len(), 1, "{name} declares one scope");
            match route.requires {
                Requires::Scope(scope) => assert_eq!(scopes[0], scope, "{name}"),
                // Webhooks: Finqu documents no scope; the catalogue declares a settings one.
                Requires::AnyToken => {
                    assert!(path.starts_with("/webhooks"), "{name}");
                    assert!(scopes[0].starts_with("settings_"), "{name}");
                }
                other => panic!("{name}: unexpected {other:?}"),
            }
        }
        for route in &routes {
            assert!(
                catalogue
                    .iter()
                    .any(|(_, m, p, _)| *m == route.method && *p == route.path),
                "no catalogue endpoint for {}",
                route.key()
            );
        }
    }
}

mod orders_api {
    use super::*;
    use orders::{CreateOrder, GetOrder, ListOrders, OrderItem, OrderStatus, UpdateOrder};

    #[tokio::test]
    async fn list_pages_through_every_order() {
        let (finqu, client) = start::<OrderDesk>().await;
        let first = client.page(&ListOrders::default(), 1, 50).await.unwrap();
        assert_eq!(first.total_items, Some(60));
        assert_eq!((first.items.len(), first.next), (50, Some(2)));
        let every: Vec<orders::Order> = client
            .paginate(ListOrders::default())
            .try_collect()
            .await
            .unwrap();
        let ids: Vec<u64> = every.iter().map(|o| o.id).collect();
        assert_eq!(ids, (1..=60).collect::<Vec<_>>());
        assert!(every.iter().all(|o| !o.items.is_empty() && o.total > 0.0));
        assert_eq!(finqu.count("GET /orders"), 3);

        let pending: Vec<orders::Order> = client
            .paginate(ListOrders {
                status: Some(OrderStatus::Pending),
                ..ListOrders::default()
            })
            .try_collect()
            .await
            .unwrap();
        assert_eq!(pending.len(), 15);
        assert!(pending.iter().all(|o| o.status == OrderStatus::Pending));
    }

    #[tokio::test]
    async fn list_filters_by_status_and_customer() {
        let (_finqu, client) = start::<OrderDesk>().await;
        for status in OrderStatus::KNOWN {
            let list = ListOrders {
                status: Some(status.clone()),
                ..ListOrders::default()
            };
            let found = all(&client, &list, 50).await;
            assert_eq!(found.len(), 15, "{status}");
            assert!(found.iter().all(|o| o.status == *status), "{status}");
        }
        let of_customer = ListOrders {
            customer_id: Some(1),
            ..ListOrders::default()
        };
        let found = all(&client, &of_customer, 50).await;
        let ids: Vec<u64> = found.iter().map(|o| o.id).collect();
        assert_eq!(ids, [1, 31]);
        let both = ListOrders {
            status: Some(OrderStatus::Cancelled),
            customer_id: Some(1),
        };
        let found = all(&client, &both, 50).await;
        assert_eq!(found.iter().map(|o| o.id).collect::<Vec<_>>(), [31]);
        let none = ListOrders {
            status: Some(OrderStatus::Other("on_hold".into())),
            ..ListOrders::default()
        };
        assert!(all(&client, &none, 50).await.is_empty());
    }

    #[tokio::test]
    async fn create_then_get_returns_what_was_created() {
        let (_finqu, client) = start::<OrderDesk>().await;
        let price = client.send(GetOrder { id: 1 }).await.unwrap().items[0].price;
        assert!(price.is_some_and(|p| p > 0.0), "seeded lines carry a price");
        let mut create = CreateOrder::new(
            3,
            vec![OrderItem::new(2, 3), {
                let mut line = OrderItem::new(5, 1);
                line.price = Some(9.5);
                line
            }],
        );
        create.status = Some(OrderStatus::Processing);
        let created = client.send(create).await.unwrap();
        assert_eq!(created.id, 61);
        assert_eq!(created.customer_id, Some(3));
        assert_eq!(created.status, OrderStatus::Processing);
        assert_eq!(created.items[1].price, Some(9.5));
        let unit = created.items[0].price.unwrap();
        assert!(
            (created.total - (3.0 * unit + 9.5)).abs() < 1e-9,
            "{created:?}"
        );

        let read = client.send(GetOrder { id: created.id }).await.unwrap();
        assert_eq!(read.items, created.items);
        assert_eq!(read.status, OrderStatus::Processing);
        assert_eq!(read.created_at, created.created_at);
    }

    #[tokio::test]
    async fn update_changes_only_what_is_set() {
        let (_finqu, client) = start::<OrderDesk>().await;
        let before = client.send(GetOrder { id: 4 }).await.unwrap();
        assert_eq!(before.status, OrderStatus::Pending);
        assert!(before.updated_at.is_none());
        let update = UpdateOrder {
            status: Some(OrderStatus::Fulfilled),
            ..UpdateOrder::new(4)
        };
        let after = client.send(update).await.unwrap();
        assert_eq!(after.status, OrderStatus::Fulfilled);
        assert_eq!(after.items, before.items);
        assert_eq!(after.customer_id, before.customer_id);
        assert!(after.updated_at.is_some());
        let read = client.send(GetOrder { id: 4 }).await.unwrap();
        assert_eq!(read.status, OrderStatus::Fulfilled);
    }

    #[tokio::test]
    async fn invalid_orders_are_validation_errors_and_unknown_ones_404() {
        let (finqu, client) = start::<OrderDesk>().await;
        let err = client.send(CreateOrder::new(1, vec![])).await.unwrap_err();
        assert!(err.is_validation(), "{err:?}");
        let err = client
            .send(CreateOrder::new(999, vec![OrderItem::new(1, 1)]))
            .await
            .unwrap_err();
        let details = &err.api_error().unwrap().details;
        assert!(details.iter().any(|d| d.contains("customer_id")), "{err:?}");
        let err = client.send(GetOrder { id: 9999 }).await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
        let err = client.send(UpdateOrder::new(9999)).await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
        assert_eq!(finqu.records(finqu_testkit::Collection::Orders).len(), 60);
    }
}

mod products_api {
    use super::*;
    use products::{CreateProduct, DeleteProduct, GetProduct, ListProducts, UpdateProduct};

    #[tokio::test]
    async fn list_reports_counts_and_reaches_every_product() {
        let (_finqu, client) = start::<Catalog>().await;
        let page = client.page(&ListProducts, 3, 50).await.unwrap();
        assert_eq!(page.page_count, Some(3));
        assert_eq!((page.items.len(), page.next), (20, None));
        assert_eq!(page.items[0].id, 101);
        let every = all(&client, &ListProducts, 40).await;
        assert_eq!(every.len(), 120);
        assert!(every.iter().all(|p| p.sku.is_some() && p.price > 0.0));
        let streamed: Vec<products::Product> =
            client.paginate(ListProducts).try_collect().await.unwrap();
        let ids: Vec<u64> = streamed.iter().map(|p| p.id).collect();
        assert_eq!(ids, every.iter().map(|p| p.id).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn create_get_update_delete() {
        let (_finqu, client) = start::<Catalog>().await;
        let mut create = CreateProduct::new("Mug", "MUG-1", 12.5);
        create.stock = Some(4);
        let created = client.send(create).await.unwrap();
        assert_eq!(created.id, 121);
        assert_eq!(
            (created.name.as_str(), created.price, created.stock),
            ("Mug", 12.5, 4)
        );

        let read = client.send(GetProduct { id: 121 }).await.unwrap();
        assert_eq!(read.sku.as_deref(), Some("MUG-1"));
        assert_eq!(read.price, 12.5);

        let update = UpdateProduct {
            price: Some(9.99),
            ..UpdateProduct::new(121)
        };
        let updated = client.send(update).await.unwrap();
        assert_eq!((updated.price, updated.stock), (9.99, 4));
        assert_eq!(updated.name, "Mug");
        let read = client.send(GetProduct { id: 121 }).await.unwrap();
        assert_eq!(read.price, 9.99);

        client.send(DeleteProduct { id: 121 }).await.unwrap();
        let err = client.send(GetProduct { id: 121 }).await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
        let err = client.send(DeleteProduct { id: 121 }).await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
    }

    #[tokio::test]
    async fn a_taken_sku_is_a_validation_error() {
        let (_finqu, client) = start::<Catalog>().await;
        let err = client
            .send(CreateProduct::new("Copy", "SKU-00001", 1.0))
            .await
            .unwrap_err();
        assert!(err.is_validation(), "{err:?}");
        let details = &err.api_error().unwrap().details;
        assert!(details.iter().any(|d| d.contains("SKU-00001")), "{err:?}");
    }
}

mod customers_api {
    use super::*;
    use customers::{CreateCustomer, GetCustomer, ListCustomers, UpdateCustomer};

    #[tokio::test]
    async fn list_get_create_update() {
        let (_finqu, client) = start::<Crm>().await;
        let every = all(&client, &ListCustomers, 50).await;
        assert_eq!(every.len(), 30);
        assert_eq!(every[0].email, "customer1@example.test");

        let create = CreateCustomer {
            first_name: Some("Aino".into()),
            ..CreateCustomer::new("aino@example.test")
        };
        let created = client.send(create).await.unwrap();
        assert_eq!(created.id, 31);
        let read = client.send(GetCustomer { id: 31 }).await.unwrap();
        assert_eq!(read.email, "aino@example.test");
        assert_eq!(read.first_name.as_deref(), Some("Aino"));
        assert_eq!(read.last_name, None);

        let update = UpdateCustomer {
            last_name: Some("Laine".into()),
            ..UpdateCustomer::new(31)
        };
        let updated = client.send(update).await.unwrap();
        assert_eq!(updated.last_name.as_deref(), Some("Laine"));
        assert_eq!(updated.first_name.as_deref(), Some("Aino"));
        let read = client.send(GetCustomer { id: 31 }).await.unwrap();
        assert_eq!(read.last_name.as_deref(), Some("Laine"));
    }

    #[tokio::test]
    async fn a_taken_email_is_a_validation_error() {
        let (_finqu, client) = start::<Crm>().await;
        let update = UpdateCustomer {
            email: Some("customer1@example.test".into()),
            ..UpdateCustomer::new(2)
        };
        let err = client.send(update).await.unwrap_err();
        assert!(err.is_validation(), "{err:?}");
        let read = client.send(GetCustomer { id: 2 }).await.unwrap();
        assert_eq!(read.email, "customer2@example.test");
    }
}

mod pages_api {
    use super::*;
    use pages::{CreatePage, DeletePage, GetPage, ListPages, UpdatePage};

    #[tokio::test]
    async fn list_get_create_update_delete() {
        let (_finqu, client) = start::<Content>().await;
        let every = all(&client, &ListPages, 50).await;
        let handles: Vec<&str> = every.iter().map(|p| p.handle.as_str()).collect();
        assert_eq!(
            handles,
            [
                "about-us",
                "shipping",
                "returns",
                "privacy-policy",
                "contact"
            ]
        );

        let create = CreatePage {
            content: Some("<p>Questions.</p>".into()),
            ..CreatePage::new("Frequent questions")
        };
        let created = client.send(create).await.unwrap();
        assert_eq!(created.handle, "frequent-questions");
        assert!(!created.published);
        let read = client.send(GetPage { id: created.id }).await.unwrap();
        assert_eq!(read.title, "Frequent questions");
        assert_eq!(read.content, "<p>Questions.</p>");

        let update = UpdatePage {
            published: Some(true),
            ..UpdatePage::new(created.id)
        };
        let updated = client.send(update).await.unwrap();
        assert!(updated.published);
        assert_eq!(updated.content, "<p>Questions.</p>");

        client.send(DeletePage { id: created.id }).await.unwrap();
        let err = client.send(GetPage { id: created.id }).await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
        assert_eq!(all(&client, &ListPages, 50).await.len(), 5);
    }
}

mod settings_api {
    use super::*;
    use settings::{GetSettings, UpdateSettings};

    #[tokio::test]
    async fn get_and_partial_update() {
        let (_finqu, client) = start::<StoreAdmin>().await;
        let before = client.send(GetSettings).await.unwrap();
        assert_eq!(before.currency.as_deref(), Some("EUR"));
        assert_eq!(before.store_name.as_deref(), Some("Testkit Shop"));

        let update = UpdateSettings {
            currency: Some("SEK".into()),
            weight_unit: Some("g".into()),
            ..UpdateSettings::default()
        };
        let after = client.send(update).await.unwrap();
        assert_eq!(after.currency.as_deref(), Some("SEK"));
        let read = client.send(GetSettings).await.unwrap();
        assert_eq!(read.currency.as_deref(), Some("SEK"));
        assert_eq!(read.weight_unit.as_deref(), Some("g"));
        assert_eq!(read.timezone, before.timezone);
        assert_eq!(read.store_name, before.store_name);

        let bad = UpdateSettings {
            currency: Some("euro".into()),
            ..UpdateSettings::default()
        };
        let err = client.send(bad).await.unwrap_err();
        assert!(err.is_validation(), "{err:?}");
        let read = client.send(GetSettings).await.unwrap();
        assert_eq!(read.currency.as_deref(), Some("SEK"));
    }
}

mod themes_api {
    use super::*;
    use themes::{AssetContent, ListChannels, ListThemes, ListVersions, VersionRef};

    #[tokio::test]
    async fn channels_themes_versions() {
        let (finqu, client) = start::<ThemeDev>().await;
        let merchant = finqu.merchant().id().to_owned();
        let channels = all(
            &client,
            &ListChannels {
                merchant: merchant.clone(),
            },
            50,
        )
        .await;
        let channels: Vec<(u64, Option<&str>)> =
            channels.iter().map(|c| (c.id, c.kind.as_deref())).collect();
        assert_eq!(channels, [(1, Some("webshop")), (2, Some("pos"))]);

        let list = ListThemes {
            merchant: merchant.clone(),
            channel: 1,
        };
        let themes = all(&client, &list, 50).await;
        let themes: Vec<(u64, bool)> = themes.iter().map(|t| (t.id, t.active)).collect();
        assert_eq!(themes, [(10, true), (11, false)]);

        let list = ListVersions {
            merchant: merchant.clone(),
            channel: 1,
            theme: 10,
        };
        let versions = all(&client, &list, 50).await;
        let versions: Vec<(u64, &str, bool)> = versions
            .iter()
            .map(|v| (v.id, v.name.as_str(), v.published))
            .collect();
        assert_eq!(versions, [(100, "1.0", true), (101, "1.1", false)]);

        // A theme of another channel is not found under this one.
        let wrong = ListVersions {
            merchant,
            channel: 1,
            theme: 20,
        };
        let err = client.page(&wrong, 1, 50).await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
    }

    #[tokio::test]
    async fn assets_list_get_put_delete_compile() {
        let (finqu, client) = start::<ThemeDev>().await;
        let version = VersionRef::new(finqu.merchant().id(), 1, 10, 101);

        let listed = all(&client, &version.list(), 50).await;
        let mut keys: Vec<&str> = listed.iter().map(|a| a.key.as_str()).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            [
                "assets/logo.png",
                "assets/style.css",
                "layout/theme.liquid",
                "templates/index.liquid"
            ]
        );
        assert!(listed.iter().all(|a| a.content().unwrap().is_none()));

        let css = client.send(version.get("assets/style.css")).await.unwrap();
        assert_eq!(css.content_type.as_deref(), Some("text/css"));
        assert_eq!(
            css.content().unwrap(),
            Some(AssetContent::Text("body { margin: 0; }".into()))
        );
        let logo = client.send(version.get("assets/logo.png")).await.unwrap();
        assert_eq!(
            logo.content().unwrap(),
            Some(AssetContent::Binary(b"\x89PNG\r\n\x1a\n".to_vec()))
        );

        let text = "<h1>{{ shop.name }} – tervetuloa</h1>";
        let put = client
            .send(version.put_text("templates/index.liquid", text))
            .await
            .unwrap();
        assert_eq!(put.size, Some(text.len() as u64));
        assert_eq!(put.value, None, "put answers without content");
        let read = client
            .send(version.get("templates/index.liquid"))
            .await
            .unwrap();
        assert_eq!(
            read.content().unwrap(),
            Some(AssetContent::Text(text.into()))
        );

        let bytes: Vec<u8> = (0..=255).rev().collect();
        let put = client
            .send(version.put_attachment("assets/all-bytes.bin", bytes.clone()))
            .await
            .unwrap();
        assert_eq!(put.size, Some(256));
        let read = client
            .send(version.get("assets/all-bytes.bin"))
            .await
            .unwrap();
        assert_eq!(read.content().unwrap(), Some(AssetContent::Binary(bytes)));
        assert_eq!(all(&client, &version.list(), 50).await.len(), 5);

        client
            .send(version.delete("assets/all-bytes.bin"))
            .await
            .unwrap();
        let err = client
            .send(version.get("assets/all-bytes.bin"))
            .await
            .unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
        let err = client
            .send(version.delete("assets/all-bytes.bin"))
            .await
            .unwrap_err();
        assert!(err.is_not_found(), "{err:?}");

        // Other versions are untouched.
        let other = VersionRef::new(finqu.merchant().id(), 1, 10, 100);
        let index = client
            .send(other.get("templates/index.liquid"))
            .await
            .unwrap();
        assert_ne!(index.value.as_deref(), Some(text));

        let compiled = client.send(version.compile()).await.unwrap();
        assert_eq!(compiled.id, 101);
        assert!(compiled.compiled_at.is_some());
    }

    #[tokio::test]
    async fn an_invalid_asset_key_is_a_validation_error() {
        let (finqu, client) = start::<ThemeDev>().await;
        let version = VersionRef::new(finqu.merchant().id(), 1, 10, 100);
        let err = client
            .send(version.put_text("../escape.liquid", "x"))
            .await
            .unwrap_err();
        assert!(err.is_validation(), "{err:?}");
    }
}

mod webhooks_api {
    use super::*;
    use webhooks::{CreateWebhook, DeleteWebhook, GetWebhook, ListWebhooks, Topic};

    #[tokio::test]
    async fn create_list_get_delete_keeping_unknown_topics() {
        let (_finqu, client) = start::<StoreAdmin>().await;
        assert!(all(&client, &ListWebhooks, 50).await.is_empty());

        let orders = client
            .send(CreateWebhook::new(
                Topic::OrdersFulfilled,
                "https://app.example/hooks/orders",
            ))
            .await
            .unwrap();
        assert_eq!(orders.topic, Topic::OrdersFulfilled);
        let returns = client
            .send(CreateWebhook::new(
                "returns/create",
                "https://app.example/hooks/returns",
            ))
            .await
            .unwrap();
        assert_eq!(returns.topic, Topic::Other("returns/create".into()));

        let listed = all(&client, &ListWebhooks, 50).await;
        let topics: Vec<&str> = listed.iter().map(|w| w.topic.as_str()).collect();
        assert_eq!(topics, ["orders/fulfilled", "returns/create"]);

        let read = client.send(GetWebhook { id: returns.id }).await.unwrap();
        assert_eq!(read.topic, Topic::Other("returns/create".into()));
        assert_eq!(read.address, "https://app.example/hooks/returns");

        client.send(DeleteWebhook { id: orders.id }).await.unwrap();
        let err = client.send(GetWebhook { id: orders.id }).await.unwrap_err();
        assert!(err.is_not_found(), "{err:?}");
        let listed = all(&client, &ListWebhooks, 50).await;
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].id, returns.id);
    }

    #[tokio::test]
    async fn every_known_topic_round_trips() {
        let (_finqu, client) = start::<StoreAdmin>().await;
        for topic in Topic::KNOWN {
            let created = client
                .send(CreateWebhook::new(topic.clone(), "https://app.example/h"))
                .await
                .unwrap();
            assert_eq!(created.topic, *topic);
            assert_eq!(Topic::from(topic.as_str()), *topic);
        }
        let listed = all(&client, &ListWebhooks, 50).await;
        let topics: Vec<Topic> = listed.into_iter().map(|w| w.topic).collect();
        assert_eq!(topics, Topic::KNOWN);
    }

    #[tokio::test]
    async fn a_bad_address_is_a_validation_error() {
        let (_finqu, client) = start::<StoreAdmin>().await;
        let err = client
            .send(CreateWebhook::new(Topic::CartsCreate, "not a url"))
            .await
            .unwrap_err();
        assert!(err.is_validation(), "{err:?}");
    }
}

/// The JSON each create and update builds, without a server (octocrab style).
mod bodies {
    use super::*;
    use serde_json::{Value, json};

    fn body<E: Endpoint>(endpoint: &E) -> Value {
        serde_json::from_slice(&endpoint.body().unwrap().expect("a body")).unwrap()
    }

    #[test]
    fn orders() {
        let mut line = orders::OrderItem::new(7, 2);
        line.price = Some(3.5);
        let create = orders::CreateOrder {
            status: Some(orders::OrderStatus::Processing),
            ..orders::CreateOrder::new(1, vec![line, orders::OrderItem::new(8, 1)])
        };
        assert_eq!(
            body(&create),
            json!({
                "customer_id": 1,
                "items": [
                    {"product_id": 7, "quantity": 2, "price": 3.5},
                    {"product_id": 8, "quantity": 1},
                ],
                "status": "processing",
            })
        );
        let update = orders::UpdateOrder {
            items: Some(vec![orders::OrderItem::new(1, 1)]),
            ..orders::UpdateOrder::new(5)
        };
        assert_eq!(
            body(&update),
            json!({"items": [{"product_id": 1, "quantity": 1}]})
        );
        assert_eq!(body(&orders::UpdateOrder::new(5)), json!({}));
    }

    #[test]
    fn products_customers_pages_settings() {
        let create = products::CreateProduct {
            stock: Some(0),
            ..products::CreateProduct::new("Mug", "M", 1.0)
        };
        assert_eq!(
            body(&create),
            json!({"name": "Mug", "sku": "M", "price": 1.0, "stock": 0})
        );
        let update = products::UpdateProduct {
            name: Some("Cup".into()),
            ..products::UpdateProduct::new(1)
        };
        assert_eq!(body(&update), json!({"name": "Cup"}));

        let create = customers::CreateCustomer {
            last_name: Some("Laine".into()),
            ..customers::CreateCustomer::new("a@b.test")
        };
        assert_eq!(
            body(&create),
            json!({"email": "a@b.test", "last_name": "Laine"})
        );

        let create = pages::CreatePage {
            handle: Some("faq".into()),
            published: Some(false),
            ..pages::CreatePage::new("FAQ")
        };
        assert_eq!(
            body(&create),
            json!({"title": "FAQ", "handle": "faq", "published": false})
        );

        let update = settings::UpdateSettings {
            store_name: Some("Kauppa".into()),
            ..settings::UpdateSettings::default()
        };
        assert_eq!(body(&update), json!({"store_name": "Kauppa"}));
    }

    #[test]
    fn assets_and_webhooks() {
        let version = themes::VersionRef::new("m 1", 1, 2, 3);
        let put = version.put_attachment("a/b.bin", vec![0xff, 0x00, 0x10]);
        assert_eq!(
            put.path().unwrap(),
            "/merchants/m%201/channels/1/themes/2/versions/3/assets"
        );
        assert_eq!(
            body(&put),
            json!({"asset": {"key": "a/b.bin", "attachment": "/wAQ"}})
        );
        let put = version.put_text("t.liquid", "x");
        assert_eq!(
            body(&put),
            json!({"asset": {"key": "t.liquid", "value": "x"}})
        );
        let delete = version.delete("a/b.bin");
        assert_eq!(delete.body().unwrap(), None);
        assert_eq!(
            delete.query().unwrap(),
            [("asset[key]".to_owned(), "a/b.bin".to_owned())]
        );
        assert_eq!(
            version.compile().path().unwrap(),
            "/merchants/m%201/channels/1/themes/2/versions/3/assets/compile"
        );

        let create = webhooks::CreateWebhook::new("carts/create", "https://a.example/h");
        assert_eq!(create.topic, webhooks::Topic::CartsCreate);
        assert_eq!(
            body(&create),
            json!({"topic": "carts/create", "address": "https://a.example/h"})
        );
    }

    #[test]
    fn models_tolerate_unknown_and_missing_fields() {
        let order: orders::Order =
            serde_json::from_value(json!({"id": 1, "status": "on_hold", "channel": "pos"}))
                .unwrap();
        assert_eq!(order.status, orders::OrderStatus::Other("on_hold".into()));
        assert!(order.items.is_empty() && order.customer_id.is_none());
        let product: products::Product =
            serde_json::from_value(json!({"id": 2, "name": "X", "vat": 24})).unwrap();
        assert_eq!((product.price, product.sku), (0.0, None));
        let settings: settings::Settings =
            serde_json::from_value(json!({"currency": "EUR", "new_setting": true})).unwrap();
        assert_eq!(settings.currency.as_deref(), Some("EUR"));
        assert_eq!(settings.locale, None);
        let asset: themes::Asset =
            serde_json::from_value(json!({"key": "x.png", "attachment": "not base64!"})).unwrap();
        let err = asset.content().unwrap_err();
        assert_eq!(err.key(), "x.png");
        let hook: webhooks::Webhook = serde_json::from_value(
            json!({"id": 3, "topic": "theme_blocks/update", "address": "https://a.example"}),
        )
        .unwrap();
        assert_eq!(
            serde_json::to_value(&hook.topic).unwrap(),
            json!("theme_blocks/update")
        );
    }
}
