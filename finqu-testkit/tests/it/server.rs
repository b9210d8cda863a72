//! The server as a whole: route wiring, parallel instances, startup time, shutdown.

use std::time::{Duration, Instant};

use finqu_testkit::{FakeFinqu, Requires, Server};
use reqwest::Method;

use crate::common::{http, resource};

#[tokio::test]
async fn every_api_route_is_wired_and_guarded() {
    let finqu = FakeFinqu::start().await;
    let m = finqu.merchant().id().to_owned();
    let mut keys = std::collections::HashSet::new();
    for route in finqu_testkit::routes() {
        assert!(keys.insert(route.key()), "duplicate {}", route.key());
        if route.server != Server::Api {
            continue;
        }
        let path = route
            .path
            .replace("{merchant}", &m)
            .replace("{channel}", "1")
            .replace("{theme}", "10")
            .replace("{version}", "100")
            .replace("{id}", "1");
        let method = Method::from_bytes(route.method.as_bytes()).unwrap();
        // Without a token: 401 proves the method and path are routed and guarded.
        let response = http()
            .request(method.clone(), format!("{}{path}", finqu.api_url()))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 401, "{}", route.key());
        // With a token lacking the scope: 403.
        if let Requires::Scope(scope) = route.requires {
            let other = if scope == "orders_read" {
                "products_read"
            } else {
                "orders_read"
            };
            let token = finqu.issue_tokens(other);
            let response = http()
                .request(method, format!("{}{path}", finqu.api_url()))
                .bearer_auth(token.access_token())
                .send()
                .await
                .unwrap();
            assert_eq!(response.status(), 403, "{}", route.key());
        }
    }
    assert_eq!(finqu.count("GET /orders"), 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn instances_run_in_parallel_and_start_fast() {
    let started = Instant::now();
    let fakes = futures_join(8).await;
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    let ports: std::collections::HashSet<u16> = fakes.iter().map(|f| f.addr().port()).collect();
    assert_eq!(ports.len(), fakes.len());
    let token = fakes[0].issue_tokens("orders_read");
    assert_eq!(
        crate::common::get(&fakes[0], "/orders", token.access_token())
            .await
            .status(),
        200
    );
    assert_eq!(
        crate::common::get(&fakes[1], "/orders", token.access_token())
            .await
            .status(),
        401
    );
}

async fn futures_join(n: usize) -> Vec<FakeFinqu> {
    let handles: Vec<_> = (0..n).map(|_| tokio::spawn(FakeFinqu::start())).collect();
    let mut fakes = Vec::new();
    for handle in handles {
        fakes.push(handle.await.unwrap());
    }
    fakes
}

#[tokio::test]
async fn dropping_the_handle_stops_the_server() {
    let finqu = FakeFinqu::start().await;
    let url = format!("{}/__testkit/info", finqu.login_url());
    assert_eq!(http().get(&url).send().await.unwrap().status(), 200);
    drop(finqu);
    tokio::time::sleep(Duration::from_millis(50)).await;
    let error = reqwest::Client::new().get(&url).send().await.unwrap_err();
    assert!(error.is_connect(), "{error:?}");
}

#[tokio::test]
async fn a_taken_port_is_an_error() {
    let finqu = FakeFinqu::start().await;
    let taken = FakeFinqu::builder()
        .port(finqu.addr().port())
        .try_start()
        .await;
    assert!(taken.is_err());
}

#[test]
fn debug_output_hides_secrets() {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let finqu = FakeFinqu::start().await;
        let tokens = finqu.issue_tokens("orders_read");
        let debug = format!("{finqu:?} {tokens:?} {:?}", finqu.client());
        assert!(!debug.contains(finqu.client().secret()), "{debug}");
        assert!(!debug.contains(tokens.access_token()) && !debug.contains(tokens.refresh_token()));
        assert!(debug.contains("[redacted]"));
    });
}

#[tokio::test]
async fn a_known_path_with_another_method_is_a_finqu_405() {
    let finqu = FakeFinqu::start().await;
    let response = http()
        .request(Method::PATCH, format!("{}/orders", finqu.api_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 405);
    let body: serde_json::Value = response.json().await.unwrap();
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("not allowed"),
        "{body}"
    );
    assert!(body["error"]["code"].is_u64(), "{body}");
}

#[tokio::test]
async fn the_resource_can_announce_another_api_url() {
    for shape in [
        finqu_testkit::ResourceShape::ApiUrl,
        finqu_testkit::ResourceShape::Endpoints,
    ] {
        let finqu = FakeFinqu::builder()
            .resource_shape(shape)
            .advertised_api_url("http://shop.example/api")
            .start()
            .await;
        let token = finqu.issue_tokens("orders_read");
        let body = resource(&finqu, token.access_token()).await;
        let announced = body["merchant"]["api_url"]
            .as_str()
            .or(body["merchant"]["endpoints"]["api"].as_str());
        assert_eq!(announced, Some("http://shop.example/api"), "{body}");
        // The API itself still answers where it is.
        assert!(finqu.api_url().starts_with("http://127.0.0.1:"));
    }
}
