//! The HTTP control plane under `/__testkit`.

use finqu_testkit::FakeFinqu;
use serde_json::{Value, json};

use crate::common::{authorize_params, authorize_url, get, http, redirect_query};

async fn post(finqu: &FakeFinqu, path: &str, body: Option<Value>) -> reqwest::Response {
    let mut request = http().post(format!("{}{path}", finqu.control_url()));
    if let Some(body) = body {
        request = request.json(&body);
    }
    request.send().await.unwrap()
}

async fn get_json(finqu: &FakeFinqu, path: &str) -> Value {
    http()
        .get(format!("{}{path}", finqu.control_url()))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

#[tokio::test]
async fn info_and_routes() {
    let finqu = FakeFinqu::start().await;
    let info = get_json(&finqu, "/info").await;
    assert_eq!(info, finqu.info());
    assert_eq!(info["login_url"], finqu.login_url());
    assert_eq!(info["api_url"], finqu.api_url());
    assert_eq!(info["client_secret"], finqu.client().secret());
    assert_eq!(info["redirect_uri"], finqu.client().redirect_uri());

    let routes = get_json(&finqu, "/routes").await;
    let routes = routes.as_array().unwrap();
    assert_eq!(routes.len(), finqu_testkit::routes().len());
    let create = routes.iter().find(|r| r["key"] == "POST /orders").unwrap();
    assert_eq!(create["scope"], "orders_write");
    assert_eq!(create["server"], "api");
}

#[tokio::test]
async fn faults_and_counters_over_http() {
    let finqu = FakeFinqu::start().await;
    let t = finqu.issue_tokens("orders_read");
    let fault =
        json!({"route": "GET /orders", "times": 2, "fault": {"kind": "status", "status": 503}});
    assert_eq!(post(&finqu, "/faults", Some(fault)).await.status(), 204);
    let retry = json!({"route": "GET /orders", "fault": {"kind": "too_many_requests", "retry_after_http_date": "Sun, 06 Nov 1994 08:49:37 GMT"}});
    assert_eq!(post(&finqu, "/faults", Some(retry)).await.status(), 204);
    let statuses = [
        get(&finqu, "/orders", t.access_token()).await,
        get(&finqu, "/orders", t.access_token()).await,
        get(&finqu, "/orders", t.access_token()).await,
    ];
    assert_eq!(
        statuses
            .iter()
            .map(|r| r.status().as_u16())
            .collect::<Vec<_>>(),
        [503, 503, 429]
    );
    assert_eq!(
        statuses[2].headers()["retry-after"],
        "Sun, 06 Nov 1994 08:49:37 GMT"
    );

    for kind in [
        json!({"kind": "malformed_json"}),
        json!({"kind": "oversize_body", "bytes": 10}),
        json!({"kind": "delay", "millis": 1}),
        json!({"kind": "drop_connection"}),
    ] {
        let request = json!({"route": "GET /settings", "fault": kind});
        assert_eq!(post(&finqu, "/faults", Some(request)).await.status(), 204);
    }
    let response = http()
        .delete(format!("{}/faults", finqu.control_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);

    for bad in [
        json!({"route": "GET /nope", "fault": {"kind": "status", "status": 500}}),
        json!({"route": "GET /orders", "fault": {"kind": "explode"}}),
        json!({"route": "GET /orders", "fault": {"kind": "too_many_requests", "retry_after_http_date": "soon"}}),
        json!({"fault": {"kind": "status", "status": 500}}),
    ] {
        let response = post(&finqu, "/faults", Some(bad.clone())).await;
        assert_eq!(response.status(), 422, "{bad}");
        let body: Value = response.json().await.unwrap();
        assert!(body["error"]["details"][0].is_string(), "{body}");
    }

    let counters = get_json(&finqu, "/counters").await;
    assert_eq!(counters["routes"]["GET /orders"], 3);
    let response = http()
        .delete(format!("{}/counters", finqu.control_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 204);
    assert_eq!(finqu.count("GET /orders"), 0);
}

#[tokio::test]
async fn tokens_expiry_revocation_and_denial_over_http() {
    let finqu = FakeFinqu::start().await;
    let tokens: Value = post(&finqu, "/tokens", Some(json!({"scope": "orders_read"})))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(tokens["token_type"], "Bearer");
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(get(&finqu, "/orders", access).await.status(), 200);

    assert_eq!(post(&finqu, "/expire-tokens", None).await.status(), 204);
    assert_eq!(get(&finqu, "/orders", access).await.status(), 401);

    let revoke = json!({"refresh_token": tokens["refresh_token"]});
    assert_eq!(
        post(&finqu, "/revoke", Some(revoke.clone())).await.status(),
        204
    );
    assert_eq!(post(&finqu, "/revoke", Some(revoke)).await.status(), 404);
    assert_eq!(post(&finqu, "/revoke", Some(json!({}))).await.status(), 422);

    assert_eq!(
        post(&finqu, "/deny-next-authorization", None)
            .await
            .status(),
        204
    );
    let url = authorize_url(&finqu, &authorize_params(&finqu, "orders_read", None));
    let query = redirect_query(&finqu, &http().get(url).send().await.unwrap());
    assert_eq!(query["error"], "access_denied");
}

#[tokio::test]
async fn control_requests_are_not_counted() {
    let finqu = FakeFinqu::start().await;
    get_json(&finqu, "/counters").await;
    let counters = get_json(&finqu, "/counters").await;
    assert_eq!(counters["routes"], json!({}));
}
