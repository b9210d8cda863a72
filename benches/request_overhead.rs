//! Request overhead: `Client::send` of a GET with a JSON response versus raw
//! `reqwest` doing the same request (bearer header, `Accept`, status check,
//! `serde_json` decode into the same struct) through the same
//! `reqwest::Client` (one connection pool), against the same loopback server,
//! in the same run.
//!
//! Criterion measures each side at 1 and at 64 concurrent tasks, and the JSON
//! decode alone both ways (`decode_product`); then a paired
//! run alternates the two sides round by round and prints the throughput ratio
//! client / raw (target: at least 0.97), the figure recorded in BENCHMARKS.md.
//!
//! `cargo bench -p finqu --bench request_overhead`

#![allow(clippy::print_stdout, reason = "a benchmark's report goes to stdout")]

mod common;

use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::Router;
use axum::extract::Path;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use criterion::{BenchmarkId, Criterion, Throughput};
use finqu_core::{Client, ResponseBody, RetryPolicy, finqu_endpoint, grant};
use reqwest::header::{ACCEPT, AUTHORIZATION};
use serde::Deserialize;
use tokio::runtime::Runtime;
use tokio::task::JoinSet;

use common::{FixedToken, TOKEN};

/// Requests per measured iteration, split evenly across the tasks.
const REQUESTS_PER_ITER: usize = 64;
/// The concurrency levels of the issue.
const CONCURRENCY: [usize; 2] = [1, 64];

/// A product as a merchant API returns it: about 700 bytes of JSON.
#[derive(Debug, Deserialize)]
#[allow(dead_code, reason = "decoded to be measured, not read")]
struct Product {
    id: u64,
    name: String,
    sku: String,
    description: String,
    price: f64,
    currency: String,
    stock: i64,
    active: bool,
    tags: Vec<String>,
    created_at: String,
    updated_at: String,
    dimensions: Dimensions,
}

#[derive(Debug, Deserialize)]
#[allow(dead_code, reason = "decoded to be measured, not read")]
struct Dimensions {
    width: f64,
    height: f64,
    depth: f64,
    weight: f64,
}

#[finqu_endpoint(method = GET, path = "/products/{id}", scope = "products_read", response = Product)]
struct GetProduct {
    id: u64,
}

grant!(Catalog = "products_read");

/// The fixed body the server answers with.
fn product_json(id: u64) -> String {
    serde_json::json!({
        "id": id,
        "name": "Merino wool crew-neck sweater",
        "sku": "SW-MERINO-CREW-NAVY-M",
        "description": "A light, warm sweater knitted from fine merino wool. Machine washable at 30 degrees; dries flat. Made in Portugal from mulesing-free wool.",
        "price": 89.9,
        "currency": "EUR",
        "stock": 42,
        "active": true,
        "tags": ["knitwear", "merino", "men", "autumn", "bestseller"],
        "created_at": "2024-09-12T08:31:04+00:00",
        "updated_at": "2025-11-02T17:45:59+00:00",
        "dimensions": { "width": 30.0, "height": 4.5, "depth": 40.0, "weight": 0.42 }
    })
    .to_string()
}

/// Serves `GET /api/1.2/products/{id}` on loopback; returns the API base URL.
async fn serve() -> String {
    let body: &'static str = Box::leak(product_json(7).into_boxed_str());
    let app = Router::new().route(
        "/api/1.2/products/{id}",
        get(move |Path(_id): Path<u64>| async move {
            ([(header::CONTENT_TYPE, "application/json")], body).into_response()
        }),
    );
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    format!("http://{addr}/api/1.2")
}

/// Both sides of the comparison, sharing one `reqwest::Client`.
#[derive(Clone)]
struct Sides {
    client: Client<Catalog>,
    http: reqwest::Client,
    base: Arc<str>,
}

impl Sides {
    async fn via_client(&self, id: u64) -> Product {
        self.client
            .send(GetProduct { id })
            .await
            .expect("client send")
    }

    /// What an application would write without finqu-core.
    async fn via_reqwest(&self, id: u64) -> Product {
        let response = self
            .http
            .get(format!("{}/products/{id}", self.base))
            .header(AUTHORIZATION, format!("Bearer {TOKEN}"))
            .header(ACCEPT, "application/json")
            .send()
            .await
            .expect("reqwest send");
        assert!(response.status().is_success());
        let bytes = response.bytes().await.expect("reqwest body");
        serde_json::from_slice(&bytes).expect("reqwest decode")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Side {
    Client,
    Raw,
}

impl Side {
    fn name(self) -> &'static str {
        match self {
            Side::Client => "finqu_client",
            Side::Raw => "raw_reqwest",
        }
    }
}

/// `total` requests split across `tasks` spawned tasks; waits for all.
async fn burst(sides: &Sides, side: Side, tasks: usize, total: usize) {
    let per_task = total / tasks;
    let mut set = JoinSet::new();
    for t in 0..tasks {
        let sides = sides.clone();
        set.spawn(async move {
            for i in 0..per_task {
                let id = (t * per_task + i) as u64;
                let product = match side {
                    Side::Client => sides.via_client(id).await,
                    Side::Raw => sides.via_reqwest(id).await,
                };
                black_box(product);
            }
        });
    }
    while let Some(joined) = set.join_next().await {
        joined.expect("task");
    }
}

fn setup(rt: &Runtime) -> Sides {
    rt.block_on(async {
        let base = serve().await;
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(128)
            .build()
            .expect("reqwest client");
        let client = Client::<Catalog>::builder(base.parse().expect("url"), FixedToken::arc())
            .http_client(http.clone())
            // A healthy server: the policy never fires; `none` keeps it out of the comparison.
            .retry(RetryPolicy::none())
            .build()
            .expect("client");
        let sides = Sides {
            client,
            http,
            base: base.into(),
        };
        // Sanity: both sides decode the same product; warm the pool.
        assert_eq!(sides.via_client(1).await.id, sides.via_reqwest(1).await.id);
        for side in [Side::Client, Side::Raw] {
            burst(&sides, side, 64, 128).await;
        }
        sides
    })
}

fn criterion_benches(c: &mut Criterion, rt: &Runtime, sides: &Sides) {
    let mut group = c.benchmark_group("request_overhead");
    group.throughput(Throughput::Elements(REQUESTS_PER_ITER as u64));
    for tasks in CONCURRENCY {
        for side in [Side::Client, Side::Raw] {
            group.bench_with_input(BenchmarkId::new(side.name(), tasks), &tasks, |b, &tasks| {
                b.to_async(rt)
                    .iter(|| burst(sides, side, tasks, REQUESTS_PER_ITER));
            });
        }
    }
    group.finish();

    // Where the time goes: the decode alone, as `send` does it (path-tracking
    // `ResponseBody::from_json`) and as the raw side does it.
    let body = product_json(7).into_bytes();
    let mut group = c.benchmark_group("decode_product");
    group.bench_function("finqu_response_body", |b| {
        b.iter(|| <Product as ResponseBody>::from_json(black_box(&body)).expect("decode"));
    });
    group.bench_function("serde_json_from_slice", |b| {
        b.iter(|| serde_json::from_slice::<Product>(black_box(&body)).expect("decode"));
    });
    group.finish();
}

/// Alternates the sides round by round (order flipped each round, so that
/// drift on a shared machine hits both alike); the median of per-round ratios.
fn paired(rt: &Runtime, sides: &Sides, tasks: usize, rounds: usize, per_round: usize) -> Paired {
    let mut ratios = Vec::with_capacity(rounds);
    let mut client_rps = Vec::with_capacity(rounds);
    let mut raw_rps = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let order = if round % 2 == 0 {
            [Side::Client, Side::Raw]
        } else {
            [Side::Raw, Side::Client]
        };
        let mut rate = [0.0f64; 2];
        for side in order {
            let started = Instant::now();
            rt.block_on(burst(sides, side, tasks, per_round));
            let rps = per_round as f64 / started.elapsed().as_secs_f64();
            rate[usize::from(side == Side::Raw)] = rps;
        }
        client_rps.push(rate[0]);
        raw_rps.push(rate[1]);
        ratios.push(rate[0] / rate[1]);
    }
    Paired {
        tasks,
        client_rps: common::median(&mut client_rps),
        raw_rps: common::median(&mut raw_rps),
        ratio: common::median(&mut ratios),
        ratio_p25_p75: common::quartiles(&mut ratios),
    }
}

struct Paired {
    tasks: usize,
    client_rps: f64,
    raw_rps: f64,
    ratio: f64,
    ratio_p25_p75: (f64, f64),
}

fn main() {
    let full = common::is_full_bench_run();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let sides = setup(&rt);

    let mut c = Criterion::default()
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    criterion_benches(&mut c, &rt, &sides);
    c.final_summary();
    if std::env::args().any(|a| a == "--profile-time") {
        // Profiling one side under `perf`: the paired run would mix in the other.
        return;
    }

    let (rounds, per_round) = if full { (60, 2_048) } else { (2, 64) };
    println!();
    println!(
        "request_overhead, paired: {rounds} rounds x {per_round} requests per side, order alternating"
    );
    println!(
        "| tasks | finqu client req/s | raw reqwest req/s | ratio client/raw (median) | p25..p75 | target |"
    );
    println!("|---:|---:|---:|---:|---:|---|");
    for tasks in CONCURRENCY {
        let p = paired(&rt, &sides, tasks, rounds, per_round);
        println!(
            "| {} | {:.0} | {:.0} | {:.3} | {:.3}..{:.3} | >= 0.97: {} |",
            p.tasks,
            p.client_rps,
            p.raw_rps,
            p.ratio,
            p.ratio_p25_p75.0,
            p.ratio_p25_p75.1,
            if p.ratio >= 0.97 { "met" } else { "MISSED" }
        );
    }
}
