//! Pagination memory: peak heap while `Client::paginate` streams 20,000 items
//! across 400 pages (limit 50), against streaming 2,000 items across 40 pages,
//! from a loopback server that emits Finqu's pagination headers and a
//! `Link: <...page=N+1...>; rel="next"` header.
//!
//! The figure is the global allocator's high-water mark during the stream
//! above what was allocated when it started (peak reset before each run);
//! the server runs in the same process, so its per-page buffers are in it too.
//! Memory is flat when the ratio 20,000 / 2,000 is about 1.0.
//!
//! `cargo bench -p finqu --bench pagination_memory`

#![allow(clippy::print_stdout, reason = "a benchmark's report goes to stdout")]

mod common;

use std::hint::black_box;
use std::time::Instant;

use axum::Router;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::IntoResponse;
use axum::routing::get;
use finqu_core::{Client, RetryPolicy, finqu_endpoint, grant};
use futures_util::TryStreamExt;
use peak_alloc::PeakAlloc;
use serde::Deserialize;
use tokio::runtime::Runtime;

use common::FixedToken;

#[global_allocator]
static ALLOC: PeakAlloc = PeakAlloc;

/// Page size: Finqu's maximum, the one `paginate` asks for.
const LIMIT: usize = 50;
/// Runs of each size; the report takes the largest peak (the worst case).
const RUNS: usize = 5;

#[derive(Debug, Deserialize)]
#[allow(dead_code, reason = "decoded to be measured, not read")]
struct Product {
    id: u64,
    name: String,
    sku: String,
    price: f64,
    stock: i64,
    tags: Vec<String>,
}

#[finqu_endpoint(method = GET, path = "/products", scope = "products_read", paginated = Product)]
struct ListProducts;

grant!(Catalog = "products_read");

#[derive(Deserialize)]
struct Paging {
    page: Option<usize>,
    limit: Option<usize>,
}

/// The total number of items the server holds, per test port.
#[derive(Clone)]
struct Total(usize);

/// One page of `total` generated products with Finqu's pagination headers.
async fn list(
    State(Total(total)): State<Total>,
    headers: HeaderMap,
    Query(q): Query<Paging>,
) -> impl IntoResponse {
    let page = q.page.unwrap_or(1).max(1);
    let limit = q.limit.unwrap_or(20).clamp(1, LIMIT);
    let start = ((page - 1) * limit).min(total);
    let end = (start + limit).min(total);
    let items: Vec<serde_json::Value> = (start..end)
        .map(|i| {
            serde_json::json!({
                "id": i,
                "name": format!("Product {i}"),
                "sku": format!("SKU-{i:06}"),
                "price": 9.5 + (i % 100) as f64,
                "stock": i % 37,
                "tags": ["bench", "generated"],
            })
        })
        .collect();
    let pages = total.div_ceil(limit);
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or("127.0.0.1");
    let mut out = HeaderMap::new();
    let mut set = |name: &'static str, value: String| {
        out.insert(name, HeaderValue::from_str(&value).expect("header value"));
    };
    set("x-pagination-count", pages.to_string());
    set("x-pagination-page", page.to_string());
    set("x-pagination-limit", limit.to_string());
    set("x-result-count", total.to_string());
    let url = |n: usize| format!("<http://{host}/api/1.2/products?page={n}&limit={limit}>");
    let mut link = vec![format!(r#"{}; rel="first""#, url(1))];
    if page > 1 {
        link.push(format!(r#"{}; rel="prev""#, url(page - 1)));
    }
    if page < pages {
        link.push(format!(r#"{}; rel="next""#, url(page + 1)));
    }
    link.push(format!(r#"{}; rel="last""#, url(pages.max(1))));
    set("link", link.join(", "));
    (out, axum::Json(items))
}

/// A loopback server holding `total` products; returns the API base URL.
async fn serve(total: usize) -> String {
    let app = Router::new()
        .route("/api/1.2/products", get(list))
        .with_state(Total(total));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind loopback");
    let addr = listener.local_addr().expect("local addr");
    tokio::spawn(async move { axum::serve(listener, app).await.expect("serve") });
    format!("http://{addr}/api/1.2")
}

struct Run {
    items: usize,
    peak_above_start: usize,
    millis: f64,
}

/// Streams every item once, counting (or, as the control that shows the
/// measurement sees growth, keeping them); the peak heap above the start.
fn stream_once(rt: &Runtime, client: &Client<Catalog>, keep: bool) -> Run {
    rt.block_on(async {
        let started = Instant::now();
        let base = ALLOC.current_usage();
        ALLOC.reset_peak_usage();
        let mut stream = std::pin::pin!(client.paginate(ListProducts));
        let mut items = 0usize;
        let mut kept = Vec::new();
        while let Some(product) = stream.try_next().await.expect("page") {
            items += 1;
            if keep {
                kept.push(product);
            } else {
                black_box(&product);
            }
        }
        let peak = ALLOC.peak_usage();
        drop(black_box(kept));
        Run {
            items,
            peak_above_start: peak.saturating_sub(base),
            millis: started.elapsed().as_secs_f64() * 1e3,
        }
    })
}

/// The largest peak and the median time over `runs` runs of streaming `total` items.
fn measure(rt: &Runtime, total: usize, runs: usize, keep: bool) -> (usize, f64) {
    let client = rt.block_on(async {
        let base = serve(total).await;
        Client::<Catalog>::builder(base.parse().expect("url"), FixedToken::arc())
            .retry(RetryPolicy::none())
            .build()
            .expect("client")
    });
    // Warm-up: connection pool, lazy statics, tracing callsites.
    assert_eq!(stream_once(rt, &client, keep).items, total);
    let mut peak = 0;
    let mut millis = Vec::with_capacity(runs);
    for _ in 0..runs {
        let run = stream_once(rt, &client, keep);
        assert_eq!(run.items, total, "every item exactly once");
        peak = peak.max(run.peak_above_start);
        millis.push(run.millis);
    }
    (peak, common::median(&mut millis))
}

fn main() {
    // `cargo test --benches` passes no `--bench`: one quick pass on small sizes.
    let (sizes, runs) = if common::is_full_bench_run() {
        ([2_000, 20_000], RUNS)
    } else {
        ([200, 2_000], 1)
    };
    // Single-threaded: no other task allocates between the reset and the read.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    println!("pagination_memory: peak heap above start while streaming (max of {runs} runs)");
    println!("| consumer | items | pages | peak heap (KiB) | median time (ms) |");
    println!("|---|---:|---:|---:|---:|");
    let mut ratios = Vec::new();
    for (consumer, keep) in [
        ("stream, count", false),
        ("control: collect into Vec", true),
    ] {
        let small = measure(&rt, sizes[0], runs, keep);
        let large = measure(&rt, sizes[1], runs, keep);
        for (total, (peak, millis)) in [(sizes[0], small), (sizes[1], large)] {
            println!(
                "| {consumer} | {total} | {} | {:.1} | {millis:.1} |",
                total.div_ceil(LIMIT),
                peak as f64 / 1024.0
            );
        }
        ratios.push((consumer, large.0 as f64 / small.0 as f64));
    }
    for (i, (consumer, ratio)) in ratios.into_iter().enumerate() {
        let verdict = match (i, ratio <= 1.10) {
            (0, true) => "target flat (about 1.0): met",
            (0, false) => "target flat (about 1.0): MISSED",
            _ => "control: grows with the item count, as it should",
        };
        println!(
            "ratio {} / {} items, {consumer}: {ratio:.3} ({verdict})",
            sizes[1], sizes[0]
        );
    }
}
