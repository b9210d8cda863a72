//! `page`/`limit`, the pagination headers and the `Link` header.

use std::collections::HashMap;

use finqu_testkit::FakeFinqu;
use reqwest::{Response, StatusCode};
use serde_json::Value;

use crate::common::{finqu_error, get, http};

/// `rel` → URL of a `Link` header.
fn links(response: &Response) -> HashMap<String, String> {
    let header = response.headers()["link"].to_str().unwrap();
    header
        .split(", ")
        .map(|part| {
            let (url, rel) = part.split_once("; ").unwrap();
            let url = url.trim_start_matches('<').trim_end_matches('>');
            let rel = rel.trim_start_matches("rel=\"").trim_end_matches('"');
            (rel.to_owned(), url.to_owned())
        })
        .collect()
}

fn header(response: &Response, name: &str) -> String {
    response.headers()[name].to_str().unwrap().to_owned()
}

fn ids(items: &[Value]) -> Vec<u64> {
    items.iter().map(|i| i["id"].as_u64().unwrap()).collect()
}

#[tokio::test]
async fn following_next_walks_every_page() {
    let finqu = FakeFinqu::start().await;
    let token = finqu.issue_tokens("products_read");
    let first = get(&finqu, "/products?limit=50", token.access_token()).await;
    assert_eq!(header(&first, "x-pagination-count"), "3");
    assert_eq!(header(&first, "x-pagination-page"), "1");
    assert_eq!(header(&first, "x-pagination-limit"), "50");
    assert_eq!(header(&first, "x-result-count"), "120");
    let base = format!("{}/products", finqu.api_url());
    let link = links(&first);
    assert_eq!(link["next"], format!("{base}?page=2&limit=50"));
    assert_eq!(link["first"], format!("{base}?page=1&limit=50"));
    assert_eq!(link["last"], format!("{base}?page=3&limit=50"));
    assert!(!link.contains_key("prev"));

    let mut seen = ids(&first.json::<Vec<Value>>().await.unwrap());
    let mut next = link.get("next").cloned();
    let mut pages = 1;
    while let Some(url) = next {
        let response = http()
            .get(&url)
            .bearer_auth(token.access_token())
            .send()
            .await
            .unwrap();
        pages += 1;
        let link = links(&response);
        assert_eq!(link["prev"], format!("{base}?page={}&limit=50", pages - 1));
        assert_eq!(header(&response, "x-pagination-page"), pages.to_string());
        next = link.get("next").cloned();
        let items: Vec<Value> = response.json().await.unwrap();
        if next.is_none() {
            assert_eq!(items.len(), 20);
        }
        seen.extend(ids(&items));
    }
    assert_eq!(pages, 3);
    assert_eq!(seen, (1..=120).collect::<Vec<_>>());
}

#[tokio::test]
async fn the_default_limit_applies_without_limit() {
    let finqu = FakeFinqu::start().await;
    let token = finqu.issue_tokens("customers_read");
    let response = get(&finqu, "/customers", token.access_token()).await;
    assert_eq!(
        header(&response, "x-pagination-limit"),
        finqu_testkit::DEFAULT_PAGE_LIMIT.to_string()
    );
    assert_eq!(header(&response, "x-pagination-count"), "2");
    assert_eq!(header(&response, "x-result-count"), "30");
}

#[tokio::test]
async fn past_the_last_page_is_empty_without_next() {
    let finqu = FakeFinqu::start().await;
    let token = finqu.issue_tokens("products_read");
    let response = get(&finqu, "/products?page=9&limit=50", token.access_token()).await;
    assert_eq!(response.status(), 200);
    let link = links(&response);
    assert!(!link.contains_key("next"));
    assert!(link["last"].contains("page=3"));
    assert!(response.json::<Vec<Value>>().await.unwrap().is_empty());
}

#[tokio::test]
async fn an_empty_list_has_no_pages_and_no_next() {
    let finqu = FakeFinqu::start().await;
    let token = finqu.issue_tokens("orders_read");
    let response = get(&finqu, "/webhooks", token.access_token()).await;
    assert_eq!(response.status(), 200);
    assert_eq!(header(&response, "x-result-count"), "0");
    assert_eq!(header(&response, "x-pagination-count"), "0");
    let link = links(&response);
    assert!(!link.contains_key("next") && !link.contains_key("prev"));
    assert!(link["first"].ends_with("page=1&limit=20"));
    assert!(link["last"].ends_with("page=1&limit=20"));
    assert_eq!(response.text().await.unwrap(), "[]");
}

#[tokio::test]
async fn out_of_range_paging_is_422() {
    let finqu = FakeFinqu::start().await;
    let token = finqu.issue_tokens("products_read");
    for query in ["limit=51", "limit=0", "page=0", "page=two", "limit=-5"] {
        let response = get(&finqu, &format!("/products?{query}"), token.access_token()).await;
        assert_eq!(
            response.status(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "{query}"
        );
        let body: Value = response.json().await.unwrap();
        finqu_error(&body, 1000);
        assert_eq!(
            body["error"]["details"].as_array().unwrap().len(),
            1,
            "{query}"
        );
    }
}

#[tokio::test]
async fn filters_apply_before_paging_and_stay_in_links() {
    let finqu = FakeFinqu::start().await;
    let token = finqu.issue_tokens("orders_read");
    let response = get(
        &finqu,
        "/orders?status=pending&limit=10",
        token.access_token(),
    )
    .await;
    assert_eq!(header(&response, "x-result-count"), "15");
    assert_eq!(
        links(&response)["next"],
        format!("{}/orders?status=pending&page=2&limit=10", finqu.api_url())
    );
    let orders: Vec<Value> = response.json().await.unwrap();
    assert!(orders.iter().all(|o| o["status"] == "pending"));

    let response = get(
        &finqu,
        "/orders?customer_id=3&limit=50",
        token.access_token(),
    )
    .await;
    let orders: Vec<Value> = response.json().await.unwrap();
    assert_eq!(orders.len(), 2);
    assert!(orders.iter().all(|o| o["customer_id"] == 3));
}

#[tokio::test]
async fn seeding_is_configurable() {
    let finqu = FakeFinqu::builder()
        .products(501)
        .customers(0)
        .start()
        .await;
    let token = finqu.issue_tokens("products_read orders_read");
    let products = get(&finqu, "/products?limit=50", token.access_token()).await;
    assert_eq!(header(&products, "x-pagination-count"), "11");
    // Orders need customers.
    let orders = get(&finqu, "/orders", token.access_token()).await;
    assert_eq!(header(&orders, "x-result-count"), "0");
}
