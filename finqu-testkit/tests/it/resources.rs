//! The seeded resources: read, create, update, delete, 404 and 422.

use finqu_testkit::{Collection, FakeFinqu};
use reqwest::Method;
use serde_json::{Value, json};

use crate::common::{call, finqu_error};

fn details(body: &Value) -> Vec<String> {
    body["error"]["details"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn orders_are_created_validated_and_updated() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read orders_write products_read");
    let t = t.access_token();
    let (status, product) = call(&finqu, Method::GET, "/products/2", t, None).await;
    assert_eq!(status, 200);
    let price = product["price"].as_f64().unwrap();

    let order = json!({"customer_id": 1, "items": [{"product_id": 2, "quantity": 3}, {"product_id": 5, "quantity": 1, "price": 1.5}]});
    let (status, created) = call(&finqu, Method::POST, "/orders", t, Some(order)).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["id"], 61);
    assert_eq!(created["status"], "pending");
    assert_eq!(created["items"][0]["price"].as_f64().unwrap(), price);
    let total = created["total"].as_f64().unwrap();
    assert!((total - (price * 3.0 + 1.5)).abs() < 0.001, "{total}");
    assert!(created["created_at"].as_str().unwrap().ends_with('Z'));
    assert_eq!(finqu.records(Collection::Orders).len(), 61);

    let (status, fetched) = call(&finqu, Method::GET, "/orders/61", t, None).await;
    assert_eq!((status.as_u16(), &fetched), (200, &created));

    let (status, updated) = call(
        &finqu,
        Method::PUT,
        "/orders/61",
        t,
        Some(json!({"status": "fulfilled", "id": 7})),
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(updated["status"], "fulfilled");
    assert_eq!(updated["id"], 61);
    assert_eq!(updated["items"], created["items"]);

    let (status, body) = call(
        &finqu,
        Method::PUT,
        "/orders/61",
        t,
        Some(json!({"status": "lost"})),
    )
    .await;
    assert_eq!(status, 422);
    assert!(details(&body)[0].starts_with("status must be one of"));
}

#[tokio::test]
async fn invalid_orders_are_422_with_every_problem() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_write");
    let t = t.access_token();
    let (status, body) = call(
        &finqu,
        Method::POST,
        "/orders",
        t,
        Some(json!({"items": []})),
    )
    .await;
    assert_eq!(status, 422);
    finqu_error(&body, 1000);
    assert_eq!(
        details(&body),
        ["customer_id is required", "items must not be empty"]
    );

    let bad_lines = json!({"customer_id": 999, "items": [{"product_id": 9999, "quantity": 0}]});
    let (status, body) = call(&finqu, Method::POST, "/orders", t, Some(bad_lines)).await;
    assert_eq!(status, 422);
    assert_eq!(details(&body).len(), 3, "{body}");

    let (status, body) = call(
        &finqu,
        Method::POST,
        "/orders",
        t,
        Some(json!({"customer_id": 1})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(details(&body), ["items is required"]);
    // Nothing was stored, and no id was used up.
    assert_eq!(finqu.records(Collection::Orders).len(), 60);
}

#[tokio::test]
async fn malformed_bodies_are_400() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_write");
    for body in ["", "{\"customer_id\": ", "[1, 2]"] {
        let response = crate::common::http()
            .post(format!("{}/orders", finqu.api_url()))
            .bearer_auth(t.access_token())
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{body:?}");
        finqu_error(&response.json().await.unwrap(), 1000);
    }
}

#[tokio::test]
async fn unknown_records_are_404() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read products_write customers_read content_read");
    let t = t.access_token();
    for (method, path) in [
        (Method::GET, "/orders/9999"),
        (Method::GET, "/orders/abc"),
        (Method::GET, "/orders/0"),
        (Method::DELETE, "/products/9999"),
        (Method::PUT, "/products/9999"),
        (Method::GET, "/customers/31"),
        (Method::GET, "/pages/6"),
        (Method::GET, "/nothing-here"),
    ] {
        let body = (method == Method::PUT).then(|| json!({"name": "x"}));
        let (status, error) = call(&finqu, method.clone(), path, t, body).await;
        assert_eq!(status, 404, "{method} {path}");
        finqu_error(&error, 1000);
    }
}

#[tokio::test]
async fn products_crud() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("products_read products_write");
    let t = t.access_token();
    let new = json!({"name": "Mug", "sku": "MUG-1", "price": 12.5});
    let (status, created) = call(&finqu, Method::POST, "/products", t, Some(new)).await;
    assert_eq!(status, 201);
    assert_eq!(
        (created["id"].as_u64(), created["stock"].as_u64()),
        (Some(121), Some(0))
    );

    let dup = json!({"name": "Other", "sku": "SKU-00001", "price": 1});
    let (status, body) = call(&finqu, Method::POST, "/products", t, Some(dup)).await;
    assert_eq!(status, 422);
    assert_eq!(details(&body), ["sku SKU-00001 is already in use"]);

    let (status, body) = call(
        &finqu,
        Method::POST,
        "/products",
        t,
        Some(json!({"price": -1, "stock": "many"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(details(&body).len(), 4, "{body}");

    let (status, updated) = call(
        &finqu,
        Method::PUT,
        "/products/121",
        t,
        Some(json!({"stock": 4})),
    )
    .await;
    assert_eq!(
        (
            status.as_u16(),
            updated["stock"].as_u64(),
            updated["name"].as_str()
        ),
        (200, Some(4), Some("Mug"))
    );

    let (status, body) = call(&finqu, Method::DELETE, "/products/121", t, None).await;
    assert_eq!((status.as_u16(), body), (204, Value::Null));
    assert_eq!(
        call(&finqu, Method::GET, "/products/121", t, None).await.0,
        404
    );
}

#[tokio::test]
async fn customers_and_pages() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("customers_read customers_write content_read content_write");
    let t = t.access_token();
    let (status, customer) = call(
        &finqu,
        Method::POST,
        "/customers",
        t,
        Some(json!({"email": "new@example.test", "first_name": "Ada"})),
    )
    .await;
    assert_eq!((status.as_u16(), customer["id"].as_u64()), (201, Some(31)));
    let (status, body) = call(
        &finqu,
        Method::PUT,
        "/customers/31",
        t,
        Some(json!({"email": "nope"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(details(&body), ["email must be an email address"]);
    let (status, body) = call(
        &finqu,
        Method::POST,
        "/customers",
        t,
        Some(json!({"email": "customer1@example.test"})),
    )
    .await;
    assert_eq!(status, 422, "{body}");

    let (status, page) = call(
        &finqu,
        Method::POST,
        "/pages",
        t,
        Some(json!({"title": "Gift cards!"})),
    )
    .await;
    assert_eq!(status, 201);
    assert_eq!(
        (page["handle"].as_str(), page["published"].as_bool()),
        (Some("gift-cards"), Some(false))
    );
    let (status, body) = call(
        &finqu,
        Method::POST,
        "/pages",
        t,
        Some(json!({"title": ""})),
    )
    .await;
    assert_eq!(
        (status.as_u16(), details(&body)),
        (422, vec!["title must not be empty".to_owned()])
    );
    assert_eq!(
        call(&finqu, Method::DELETE, "/pages/1", t, None).await.0,
        204
    );
    assert_eq!(finqu.records(Collection::Pages).len(), 5);
}

#[tokio::test]
async fn settings_read_and_partial_update() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("settings_read settings_write");
    let t = t.access_token();
    let (status, settings) = call(&finqu, Method::GET, "/settings", t, None).await;
    assert_eq!(
        (status.as_u16(), settings["store_name"].as_str()),
        (200, Some(finqu.merchant().name()))
    );
    let (status, updated) = call(
        &finqu,
        Method::PUT,
        "/settings",
        t,
        Some(json!({"currency": "SEK"})),
    )
    .await;
    assert_eq!(
        (status.as_u16(), updated["currency"].as_str()),
        (200, Some("SEK"))
    );
    assert_eq!(updated["locale"], settings["locale"]);
    let (status, body) = call(
        &finqu,
        Method::PUT,
        "/settings",
        t,
        Some(json!({"currency": "kr", "colour": "red"})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(details(&body).len(), 2);
    assert_eq!(
        call(&finqu, Method::GET, "/settings", t, None).await.1["currency"],
        "SEK"
    );
}

#[tokio::test]
async fn channels_themes_versions_and_assets() {
    let finqu = FakeFinqu::start().await;
    let read = finqu.issue_tokens("sales_channel_read themes_read");
    let write = finqu.issue_tokens("themes_write");
    let (r, w) = (read.access_token(), write.access_token());
    let m = format!("/merchants/{}", finqu.merchant().id());

    let (status, channels) = call(&finqu, Method::GET, &format!("{m}/channels"), r, None).await;
    assert_eq!(
        (status.as_u16(), channels.as_array().unwrap().len()),
        (200, 2)
    );
    let (_, themes) = call(
        &finqu,
        Method::GET,
        &format!("{m}/channels/1/themes"),
        r,
        None,
    )
    .await;
    assert_eq!(themes.as_array().unwrap().len(), 2);
    let (_, versions) = call(
        &finqu,
        Method::GET,
        &format!("{m}/channels/1/themes/10/versions"),
        r,
        None,
    )
    .await;
    assert_eq!(versions.as_array().unwrap().len(), 2);

    let assets = format!("{m}/channels/1/themes/10/versions/100/assets");
    let (_, list) = call(&finqu, Method::GET, &assets, r, None).await;
    assert_eq!(list.as_array().unwrap().len(), 4);
    assert!(list[0].get("value").is_none());
    let one = format!("{assets}?asset%5Bkey%5D=assets/style.css");
    let (status, asset) = call(&finqu, Method::GET, &one, r, None).await;
    assert_eq!(
        (status.as_u16(), asset["value"].as_str()),
        (200, Some("body { margin: 0; }"))
    );

    let put = json!({"asset": {"key": "assets/app.js", "value": "let a = 1;"}});
    let (status, saved) = call(&finqu, Method::PUT, &assets, w, Some(put)).await;
    assert_eq!((status.as_u16(), saved["size"].as_u64()), (200, Some(10)));
    let binary = json!({"asset": {"key": "assets/x.png", "attachment": "AAEC"}});
    assert_eq!(
        call(&finqu, Method::PUT, &assets, w, Some(binary)).await.0,
        200
    );
    let (_, png) = call(
        &finqu,
        Method::GET,
        &format!("{assets}?asset[key]=assets/x.png"),
        r,
        None,
    )
    .await;
    assert_eq!(
        (png["attachment"].as_str(), png["size"].as_u64()),
        (Some("AAEC"), Some(3))
    );

    let bad = json!({"asset": {"key": "../etc", "value": "x", "attachment": "AA=="}});
    let (status, body) = call(&finqu, Method::PUT, &assets, w, Some(bad)).await;
    assert_eq!((status.as_u16(), details(&body).len()), (422, 2));

    let delete = format!("{assets}?asset[key]=assets/app.js");
    assert_eq!(call(&finqu, Method::DELETE, &delete, w, None).await.0, 204);
    assert_eq!(call(&finqu, Method::DELETE, &delete, w, None).await.0, 404);
    assert_eq!(call(&finqu, Method::DELETE, &assets, w, None).await.0, 422);

    let (status, compiled) = call(&finqu, Method::PUT, &format!("{assets}/compile"), w, None).await;
    assert_eq!((status.as_u16(), compiled["id"].as_u64()), (200, Some(100)));
    assert!(compiled["compiled_at"].is_string());

    for path in [
        "/merchants/999/channels".to_owned(),
        format!("{m}/channels/3/themes"),
        format!("{m}/channels/2/themes/10/versions"),
        format!("{m}/channels/1/themes/10/versions/110/assets"),
    ] {
        assert_eq!(
            call(&finqu, Method::GET, &path, r, None).await.0,
            404,
            "{path}"
        );
    }
    assert_eq!(
        call(&finqu, Method::PUT, &assets, r, Some(json!({})))
            .await
            .0,
        403
    );
}

#[tokio::test]
async fn webhooks_are_created_listed_and_deleted() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read");
    let t = t.access_token();
    let hook = json!({"topic": "orders/update", "address": "https://app.example.test/hooks"});
    let (status, created) = call(&finqu, Method::POST, "/webhooks", t, Some(hook)).await;
    assert_eq!((status.as_u16(), created["id"].as_u64()), (201, Some(1)));
    let (status, body) = call(
        &finqu,
        Method::POST,
        "/webhooks",
        t,
        Some(json!({"topic": "Orders", "address": "ftp://x"})),
    )
    .await;
    assert_eq!((status.as_u16(), details(&body).len()), (422, 2));
    let (_, list) = call(&finqu, Method::GET, "/webhooks", t, None).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        call(&finqu, Method::DELETE, "/webhooks/1", t, None).await.0,
        204
    );
    assert!(finqu.records(Collection::Webhooks).is_empty());
}
