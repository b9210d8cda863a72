//! `Client::send` against the fake Finqu over loopback HTTP, with real JWTs.

use std::sync::Arc;
use std::sync::atomic::Ordering;

mod common;

use common::TestTokens;
use finqu_core::{Client, Error, finqu_endpoint, grant};
use finqu_testkit::FakeFinqu;
use serde::{Deserialize, Serialize};

#[derive(Debug, Deserialize)]
struct Product {
    id: u64,
    name: String,
}

#[derive(Debug, Deserialize)]
struct Order {
    id: u64,
    customer_id: u64,
    items: Vec<Line>,
}

#[derive(Debug, Serialize, Deserialize)]
struct Line {
    product_id: u64,
    quantity: u32,
}

#[finqu_endpoint(method = GET, path = "/products/{id}", scope = "products_read", response = Product)]
struct GetProduct {
    id: u64,
}

#[finqu_endpoint(method = GET, path = "/products", scope = "products_read", response = Vec<Product>)]
struct ListProducts {
    #[query]
    limit: Option<u32>,
}

#[finqu_endpoint(method = POST, path = "/orders", scope = "orders_write", response = Order)]
struct CreateOrder {
    customer_id: u64,
    items: Vec<Line>,
}

#[finqu_endpoint(method = GET, path = "/orders/{id}", scope = "orders_read", response = Order)]
struct GetOrder {
    id: u64,
}

#[finqu_endpoint(method = GET, path = "/customers/{id}", scope = "customers_read", response = serde_json::Value)]
struct GetCustomer {
    id: u64,
}

grant!(Shop = "products_read orders_read orders_write");
// Claims a scope the token will not hold: the server's 403 is the backstop.
grant!(Overclaiming = "customers_read");

async fn setup() -> (Arc<FakeFinqu>, Arc<TestTokens>, Client<Shop>) {
    let finqu = Arc::new(FakeFinqu::start().await);
    let tokens = TestTokens::new(&finqu, "products_read orders_read orders_write");
    let client = Client::new(finqu.api_url().parse().unwrap(), tokens.clone());
    (finqu, tokens, client)
}

#[tokio::test]
async fn get_decodes_the_response() {
    let (_finqu, _tokens, client) = setup().await;
    let product = client.send(GetProduct { id: 3 }).await.unwrap();
    assert_eq!(product.id, 3);
    assert_eq!(product.name, "Product 3");
    let page = client.send(ListProducts { limit: Some(7) }).await.unwrap();
    assert_eq!(page.len(), 7);
}

#[tokio::test]
async fn post_creates_and_get_reads_back() {
    let (finqu, _tokens, client) = setup().await;
    let created = client
        .send(CreateOrder {
            customer_id: 1,
            items: vec![Line {
                product_id: 2,
                quantity: 3,
            }],
        })
        .await
        .unwrap();
    assert_eq!(created.customer_id, 1);
    let read = client.send(GetOrder { id: created.id }).await.unwrap();
    assert_eq!(read.items.len(), 1);
    assert_eq!(read.items[0].quantity, 3);
    assert_eq!(finqu.count("POST /orders"), 1);
}

#[tokio::test]
async fn validation_errors_carry_finqu_details() {
    let (_finqu, _tokens, client) = setup().await;
    let err = client
        .send(CreateOrder {
            customer_id: 1,
            items: vec![],
        })
        .await
        .unwrap_err();
    assert!(err.is_validation(), "{err:?}");
    let api = err.api_error().unwrap();
    assert!(api.details.iter().any(|d| d.contains("items")), "{api:?}");
}

#[tokio::test]
async fn not_found_is_typed() {
    let (_finqu, _tokens, client) = setup().await;
    let err = client.send(GetProduct { id: 999_999 }).await.unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    assert!(
        err.to_string().starts_with("GET /products/{id}: 404"),
        "{err}"
    );
}

#[tokio::test]
async fn server_side_scope_check_is_a_403() {
    let finqu = Arc::new(FakeFinqu::start().await);
    let tokens = TestTokens::new(&finqu, "products_read");
    let client: Client<Overclaiming> = Client::new(finqu.api_url().parse().unwrap(), tokens);
    let err = client.send(GetCustomer { id: 1 }).await.unwrap_err();
    assert!(err.is_forbidden(), "{err:?}");
    assert_eq!(err.api_error().unwrap().code, Some(1100));
}

#[tokio::test]
async fn expired_token_is_refreshed_once_and_retried() {
    let (finqu, tokens, client) = setup().await;
    finqu.expire_all_tokens();
    let product = client.send(GetProduct { id: 1 }).await.unwrap();
    assert_eq!(product.id, 1);
    assert_eq!(tokens.refreshes.load(Ordering::SeqCst), 1);
    assert_eq!(finqu.count("GET /products/{id}"), 2);
}

#[tokio::test]
async fn path_parameters_cannot_escape_their_segment() {
    #[finqu_endpoint(method = GET, path = "/products/{id}", scope = "products_read", response = Product)]
    struct GetProductByString {
        id: String,
    }
    let (finqu, _tokens, client) = setup().await;
    let err = client
        .send(GetProductByString {
            id: "../orders".into(),
        })
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err:?}");
    let err = client
        .send(GetProductByString { id: "..".into() })
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Encode(_)), "{err:?}");
    assert_eq!(finqu.count("GET /orders"), 0);
}

mod retries {
    use std::time::{Duration, SystemTime};

    use finqu_core::RetryPolicy;
    use finqu_testkit::{Fault, RetryAfter};

    use super::*;

    fn fast() -> RetryPolicy {
        RetryPolicy::default().backoff(Duration::from_millis(5), Duration::from_millis(20))
    }

    async fn client_with(policy: RetryPolicy) -> (Arc<FakeFinqu>, Client<Shop>) {
        let finqu = Arc::new(FakeFinqu::start().await);
        let tokens = TestTokens::new(&finqu, "products_read orders_read orders_write");
        let client = Client::builder(finqu.api_url().parse().unwrap(), tokens)
            .retry(policy)
            .build()
            .unwrap();
        (finqu, client)
    }

    #[tokio::test]
    async fn get_is_retried_after_503() {
        let (finqu, client) = client_with(fast()).await;
        finqu.fail_next("GET /products/{id}", 2, Fault::Status(503));
        assert_eq!(client.send(GetProduct { id: 4 }).await.unwrap().id, 4);
        assert_eq!(finqu.count("GET /products/{id}"), 3);
    }

    #[tokio::test]
    async fn post_is_never_repeated_after_500() {
        let (finqu, client) = client_with(fast()).await;
        finqu.fail_next("POST /orders", 1, Fault::Status(500));
        let err = client
            .send(CreateOrder {
                customer_id: 1,
                items: vec![Line {
                    product_id: 1,
                    quantity: 1,
                }],
            })
            .await
            .unwrap_err();
        assert_eq!(err.status(), Some(500), "{err:?}");
        assert_eq!(finqu.count("POST /orders"), 1);
    }

    #[tokio::test]
    async fn post_is_repeated_after_429_with_seconds() {
        let (finqu, client) = client_with(fast()).await;
        finqu.fail_next(
            "POST /orders",
            1,
            Fault::TooManyRequests {
                retry_after: RetryAfter::Seconds(1),
            },
        );
        let started = std::time::Instant::now();
        let order = client
            .send(CreateOrder {
                customer_id: 1,
                items: vec![Line {
                    product_id: 1,
                    quantity: 1,
                }],
            })
            .await
            .unwrap();
        assert!(
            started.elapsed() >= Duration::from_secs(1),
            "waited out Retry-After"
        );
        assert_eq!(order.customer_id, 1);
        assert_eq!(finqu.count("POST /orders"), 2);
    }

    #[tokio::test]
    async fn retry_after_as_http_date_is_honoured() {
        let (finqu, client) = client_with(fast()).await;
        let when = SystemTime::now() + Duration::from_secs(2);
        finqu.fail_next(
            "GET /products/{id}",
            1,
            Fault::TooManyRequests {
                retry_after: RetryAfter::HttpDate(when),
            },
        );
        assert_eq!(client.send(GetProduct { id: 2 }).await.unwrap().id, 2);
        assert_eq!(finqu.count("GET /products/{id}"), 2);
    }

    #[tokio::test]
    async fn too_long_a_wait_is_a_typed_error_carrying_retry_after() {
        let (finqu, client) = client_with(fast().max_wait(Duration::from_secs(5))).await;
        finqu.fail_next(
            "GET /products/{id}",
            1,
            Fault::TooManyRequests {
                retry_after: RetryAfter::Seconds(600),
            },
        );
        let err = client.send(GetProduct { id: 2 }).await.unwrap_err();
        assert_eq!(err.retry_after(), Some(Duration::from_secs(600)), "{err:?}");
        assert_eq!(err.status(), Some(429));
        assert_eq!(finqu.count("GET /products/{id}"), 1);
    }

    #[tokio::test]
    async fn retries_are_bounded() {
        let (finqu, client) = client_with(fast().max_retries(2)).await;
        finqu.fail_next("GET /products/{id}", 10, Fault::Status(503));
        let err = client.send(GetProduct { id: 2 }).await.unwrap_err();
        assert_eq!(err.status(), Some(503));
        assert_eq!(finqu.count("GET /products/{id}"), 3);
    }

    #[tokio::test]
    async fn retries_can_be_turned_off() {
        let (finqu, client) = client_with(RetryPolicy::none()).await;
        finqu.fail_next("GET /products/{id}", 1, Fault::Status(503));
        assert!(client.send(GetProduct { id: 2 }).await.is_err());
        assert_eq!(finqu.count("GET /products/{id}"), 1);
    }

    #[tokio::test]
    async fn dropped_connection_on_get_is_retried() {
        let (finqu, client) = client_with(fast()).await;
        finqu.fail_next("GET /products/{id}", 1, Fault::DropConnection);
        assert_eq!(client.send(GetProduct { id: 5 }).await.unwrap().id, 5);
    }

    #[tokio::test]
    async fn malformed_json_names_the_problem() {
        let (finqu, client) = client_with(fast()).await;
        finqu.fail_next("GET /products/{id}", 1, Fault::MalformedJson);
        let err = client.send(GetProduct { id: 5 }).await.unwrap_err();
        assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    }

    #[tokio::test]
    async fn oversize_body_is_an_error() {
        let finqu = Arc::new(FakeFinqu::start().await);
        let tokens = TestTokens::new(&finqu, "products_read");
        let client: Client<Shop> = Client::builder(finqu.api_url().parse().unwrap(), tokens)
            .max_body(1024)
            .build()
            .unwrap();
        finqu.fail_next("GET /products/{id}", 1, Fault::OversizeBody(64 * 1024));
        let err = client.send(GetProduct { id: 5 }).await.unwrap_err();
        assert!(
            matches!(err, Error::BodyTooLarge { limit: 1024, .. }),
            "{err:?}"
        );
    }
}

mod pagination {
    use futures_util::TryStreamExt;

    use super::*;

    #[finqu_endpoint(method = GET, path = "/products", scope = "products_read", paginated = Product)]
    struct AllProducts;

    #[finqu_endpoint(method = GET, path = "/orders", scope = "orders_read", paginated = Order)]
    struct OrdersWithStatus {
        #[query]
        status: &'static str,
    }

    #[tokio::test]
    async fn streams_every_item_across_pages() {
        let (finqu, _tokens, client) = setup().await;
        let products: Vec<Product> = client.paginate(AllProducts).try_collect().await.unwrap();
        assert_eq!(products.len(), 120);
        let ids: Vec<u64> = products.iter().map(|p| p.id).collect();
        assert_eq!(ids, (1..=120).collect::<Vec<u64>>());
        assert_eq!(finqu.count("GET /products"), 3);
    }

    #[tokio::test]
    async fn empty_list_is_an_empty_stream() {
        let finqu = Arc::new(FakeFinqu::builder().orders(0).start().await);
        let tokens = TestTokens::new(&finqu, "orders_read");
        let client: Client<Shop> = Client::new(finqu.api_url().parse().unwrap(), tokens);
        let orders: Vec<Order> = client
            .paginate(OrdersWithStatus { status: "pending" })
            .try_collect()
            .await
            .unwrap();
        assert!(orders.is_empty());
        assert_eq!(finqu.count("GET /orders"), 1);
    }

    #[tokio::test]
    async fn page_api_reports_counts() {
        let (_finqu, _tokens, client) = setup().await;
        let page = client.page(&AllProducts, 2, 50).await.unwrap();
        assert_eq!(page.items.len(), 50);
        assert_eq!(page.page_count, Some(3));
        assert_eq!(page.total_items, Some(120));
        assert_eq!(page.next, Some(3));
        let last = client.page(&AllProducts, 3, 50).await.unwrap();
        assert_eq!((last.items.len(), last.next), (20, None));
    }
}

mod errors_and_sharing {
    use finqu_core::RetryPolicy;
    use finqu_testkit::Fault;

    use super::*;

    #[tokio::test]
    async fn each_error_status_is_easy_to_tell_apart() {
        let finqu = Arc::new(FakeFinqu::start().await);
        let tokens = TestTokens::new(&finqu, "products_read orders_read orders_write");
        let client: Client<Shop> = Client::builder(finqu.api_url().parse().unwrap(), tokens)
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        for (status, check) in [
            (402, Error::is_payment_required as fn(&Error) -> bool),
            (403, Error::is_forbidden),
            (404, Error::is_not_found),
            (422, Error::is_validation),
        ] {
            finqu.fail_next("GET /products/{id}", 1, Fault::Status(status));
            let err = client.send(GetProduct { id: 1 }).await.unwrap_err();
            assert!(check(&err), "{status}: {err:?}");
            assert_eq!(err.status(), Some(status));
            assert!(err.api_error().unwrap().code.is_some(), "{err:?}");
        }
    }

    #[tokio::test]
    async fn a_body_that_does_not_fit_names_the_field() {
        #[derive(Debug, Deserialize)]
        #[allow(dead_code, reason = "decoded, not read")]
        struct Strict {
            id: u64,
            name: u64,
        }
        #[finqu_endpoint(method = GET, path = "/products/{id}", scope = "products_read", response = Strict)]
        struct GetStrict {
            id: u64,
        }
        let (_finqu, _tokens, client) = setup().await;
        let err = client.send(GetStrict { id: 1 }).await.unwrap_err();
        let Error::Decode { at, excerpt, .. } = &err else {
            panic!("{err:?}")
        };
        assert_eq!(at, "name");
        assert!(excerpt.starts_with('{'), "{excerpt}");
        assert!(err.to_string().contains("`name`"), "{err}");
    }

    #[tokio::test]
    async fn sends_through_the_callers_reqwest_client() {
        let finqu = Arc::new(FakeFinqu::start().await);
        let tokens = TestTokens::new(&finqu, "products_read");
        let http = reqwest::Client::builder()
            .user_agent("my-app/1.0")
            .build()
            .unwrap();
        let client: Client<Shop> = Client::builder(finqu.api_url().parse().unwrap(), tokens)
            .http_client(http)
            .build()
            .unwrap();
        assert_eq!(client.send(GetProduct { id: 9 }).await.unwrap().id, 9);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn many_tasks_share_one_client() {
        let (finqu, _tokens, client) = setup().await;
        let tasks: Vec<_> = (1..=64u64)
            .map(|i| {
                let client = client.clone();
                tokio::spawn(async move {
                    client
                        .send(GetProduct { id: i % 120 + 1 })
                        .await
                        .map(|p| p.id)
                })
            })
            .collect();
        for (i, task) in (1..=64u64).zip(tasks) {
            assert_eq!(task.await.unwrap().unwrap(), i % 120 + 1);
        }
        assert_eq!(finqu.count("GET /products/{id}"), 64);
    }
}
