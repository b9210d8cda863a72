//! Each fault kind, their order, and the counters.

use std::time::{Duration, Instant, SystemTime};

use finqu_testkit::{FakeFinqu, Fault, RetryAfter};
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::{finqu_error, get, refresh};

#[tokio::test]
async fn status_faults_hit_the_next_n_requests_in_order() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read");
    finqu.fail_next("GET /orders", 2, Fault::Status(503));
    finqu.fail_next("GET /orders", 1, Fault::Status(500));
    let mut statuses = Vec::new();
    for _ in 0..4 {
        let response = get(&finqu, "/orders", t.access_token()).await;
        statuses.push(response.status().as_u16());
        if response.status() != 200 {
            finqu_error(&response.json().await.unwrap(), 1000);
        }
    }
    assert_eq!(statuses, [503, 503, 500, 200]);
    assert_eq!(finqu.count("GET /orders"), 4);
    // Other routes are untouched.
    assert_eq!(finqu.count("GET /orders/{id}"), 0);
}

#[tokio::test]
async fn faults_act_before_authentication() {
    let finqu = FakeFinqu::start().await;
    finqu.fail_next("GET /orders/{id}", 1, Fault::Status(502));
    assert_eq!(get(&finqu, "/orders/1", "forged").await.status(), 502);
    assert_eq!(get(&finqu, "/orders/1", "forged").await.status(), 401);
}

#[tokio::test]
async fn too_many_requests_carries_retry_after() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("products_read");
    let date = SystemTime::UNIX_EPOCH + Duration::from_secs(4_000_000_000);
    finqu.fail_next(
        "GET /products",
        1,
        Fault::TooManyRequests {
            retry_after: RetryAfter::Seconds(7),
        },
    );
    finqu.fail_next(
        "GET /products",
        1,
        Fault::TooManyRequests {
            retry_after: RetryAfter::HttpDate(date),
        },
    );
    finqu.fail_next(
        "GET /products",
        1,
        Fault::TooManyRequests {
            retry_after: RetryAfter::Omitted,
        },
    );

    let seconds = get(&finqu, "/products", t.access_token()).await;
    assert_eq!(seconds.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(seconds.headers()["retry-after"], "7");
    let dated = get(&finqu, "/products", t.access_token()).await;
    let header = dated.headers()["retry-after"].to_str().unwrap();
    assert_eq!(httpdate::parse_http_date(header).unwrap(), date);
    let bare = get(&finqu, "/products", t.access_token()).await;
    assert_eq!(bare.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(bare.headers().get("retry-after").is_none());
}

#[tokio::test]
async fn malformed_json_is_200_that_does_not_parse() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read");
    finqu.fail_next("GET /orders/{id}", 1, Fault::MalformedJson);
    let response = get(&finqu, "/orders/1", t.access_token()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/json");
    let text = response.text().await.unwrap();
    assert!(serde_json::from_str::<Value>(&text).is_err());
}

#[tokio::test]
async fn oversize_body_has_the_size_asked() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read");
    finqu.fail_next("GET /orders", 1, Fault::OversizeBody(3_000_000));
    let response = get(&finqu, "/orders", t.access_token()).await;
    assert_eq!(response.headers()["content-length"], "3000000");
    let body = response.bytes().await.unwrap();
    assert_eq!(body.len(), 3_000_000);
    assert!(serde_json::from_slice::<Value>(&body).unwrap().is_string());
}

#[tokio::test]
async fn delay_then_answers_normally() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read");
    finqu.fail_next("GET /orders", 1, Fault::Delay(Duration::from_millis(300)));
    let started = Instant::now();
    let response = get(&finqu, "/orders", t.access_token()).await;
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(response.status(), 200);
    let started = Instant::now();
    get(&finqu, "/orders", t.access_token()).await;
    assert!(started.elapsed() < Duration::from_millis(300));
}

#[tokio::test]
async fn drop_connection_closes_without_an_answer() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_write");
    finqu.fail_next("POST /orders", 1, Fault::DropConnection);
    let order = serde_json::json!({"customer_id": 1, "items": [{"product_id": 1, "quantity": 1}]});
    let http = crate::common::http();
    let url = format!("{}/orders", finqu.api_url());
    let error = http
        .post(&url)
        .bearer_auth(t.access_token())
        .json(&order)
        .send()
        .await
        .unwrap_err();
    assert!(!error.is_status() && !error.is_timeout(), "{error:?}");
    // The order was never created, and the server still answers.
    assert_eq!(finqu.records(finqu_testkit::Collection::Orders).len(), 60);
    let response = http
        .post(&url)
        .bearer_auth(t.access_token())
        .json(&order)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 201);
    assert_eq!(finqu.count("POST /orders"), 2);
}

#[tokio::test]
async fn token_endpoint_faults_and_refresh_counting() {
    let finqu = FakeFinqu::builder()
        .rotate_refresh_tokens(false)
        .start()
        .await;
    let t = finqu.issue_tokens("orders_read");
    finqu.fail_next("POST /oauth2/access_token", 1, Fault::Status(500));
    assert_eq!(refresh(&finqu, t.refresh_token()).await.0, 500);
    assert_eq!(refresh(&finqu, t.refresh_token()).await.0, 200);
    // Faulted requests count too: the client did send them.
    assert_eq!(finqu.refresh_count(), 2);
    assert_eq!(finqu.count("POST /oauth2/access_token"), 2);
    finqu.reset_counters();
    assert_eq!(finqu.refresh_count(), 0);
}

#[tokio::test]
async fn clear_faults_drops_the_queue() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read");
    finqu.fail_next("GET /orders", 5, Fault::Status(503));
    finqu.clear_faults();
    assert_eq!(get(&finqu, "/orders", t.access_token()).await.status(), 200);
}

#[tokio::test]
#[should_panic(expected = "is not a route key")]
async fn an_unknown_route_key_fails_the_test() {
    let finqu = FakeFinqu::start().await;
    finqu.fail_next("GET /order", 1, Fault::Status(500));
}

#[tokio::test]
#[should_panic(expected = "is not a route key")]
async fn counting_an_unknown_route_key_fails_the_test() {
    let finqu = FakeFinqu::start().await;
    finqu.count("GET /api/1.2/orders");
}

#[tokio::test]
async fn an_impossible_status_answers_500() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read");
    finqu.fail_next("GET /orders", 1, Fault::Status(101));
    finqu.fail_next("GET /orders", 1, Fault::Status(1000));
    assert_eq!(get(&finqu, "/orders", t.access_token()).await.status(), 500);
    assert_eq!(get(&finqu, "/orders", t.access_token()).await.status(), 500);
}
