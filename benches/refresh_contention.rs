//! Refresh under contention: 1,000 concurrent `Client::send`s through a
//! finqu-auth `Session` whose access token is expired, against finqu-testkit.
//!
//! Two ways a token is expired:
//! - **known expired**: the session's own expiry is past, so `access_token()`
//!   refreshes before sending (single-flight);
//! - **rejected**: the server expired every token (`expire_all_tokens`), so all
//!   1,000 requests get a 401 and call `refresh_after_unauthorized`.
//!
//! For each: the token-endpoint calls (testkit `refresh_count()`, must be
//! exactly 1), and the wall time of the 1,000-send batch minus that of the
//! same batch with a valid token (measured in the same round), against one
//! refresh round trip (`Session::refresh_now`) measured in the same run.
//!
//! `cargo bench -p finqu --bench refresh_contention`

#![allow(clippy::print_stdout, reason = "a benchmark's report goes to stdout")]

mod common;

use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime};

use finqu_auth::{Authorizer, Merchant, Session, StoredSession, TokenSet};
use finqu_core::{AccessToken, Client, Grant, RetryPolicy, finqu_endpoint, grant};
use finqu_testkit::FakeFinqu;
use serde::Deserialize;
use tokio::task::JoinSet;

/// Concurrent sends per batch (the issue's figure).
const CALLERS: usize = 1_000;
/// Products the fake holds; the sends spread over them.
const PRODUCTS: usize = 100;

#[derive(Debug, Deserialize)]
#[allow(dead_code, reason = "decoded to be measured, not read")]
struct Product {
    id: u64,
    name: String,
}

#[finqu_endpoint(method = GET, path = "/products/{id}", scope = "products_read", response = Product)]
struct GetProduct {
    id: u64,
}

grant!(Catalog = "products_read");

struct Bench {
    finqu: FakeFinqu,
    auth: Authorizer<Catalog>,
    http: reqwest::Client,
}

impl Bench {
    async fn start() -> Self {
        let finqu = FakeFinqu::builder().products(PRODUCTS).start().await;
        let client = finqu.client();
        let auth =
            Authorizer::<Catalog>::builder(client.id(), client.secret(), client.redirect_uri())
                .login_server(finqu.login_url())
                .allow_loopback_http(true)
                .build()
                .expect("authorizer");
        let http = reqwest::Client::builder()
            .pool_max_idle_per_host(CALLERS)
            .build()
            .expect("reqwest client");
        Bench { finqu, auth, http }
    }

    /// A session on freshly minted tokens that the session believes expire at `expires_at`.
    fn session(&self, expires_at: SystemTime) -> Session<Catalog> {
        let tokens = self.finqu.issue_tokens(&Catalog::scope_param());
        let set = TokenSet::new(
            AccessToken::new(tokens.access_token()),
            Some(tokens.refresh_token().into()),
            Some(expires_at),
            tokens.scope(),
        );
        let merchant = Merchant::new(
            self.finqu.merchant().id(),
            self.finqu.merchant().name(),
            self.finqu.api_url().parse().expect("api url"),
        );
        self.auth
            .session_from(StoredSession::new(merchant, set))
            .expect("session")
    }

    fn valid_session(&self) -> Session<Catalog> {
        self.session(SystemTime::now() + Duration::from_secs(3_600))
    }

    fn client(&self, session: &Session<Catalog>) -> Client<Catalog> {
        Client::<Catalog>::builder(session.api_url().clone(), Arc::new(session.clone()))
            .http_client(self.http.clone())
            .retry(RetryPolicy::none())
            .build()
            .expect("client")
    }
}

/// `CALLERS` concurrent sends; the batch's wall time.
async fn batch(client: &Client<Catalog>) -> Duration {
    let started = Instant::now();
    let mut set = JoinSet::new();
    for i in 0..CALLERS {
        let client = client.clone();
        set.spawn(async move {
            let id = 1 + (i % PRODUCTS) as u64;
            client.send(GetProduct { id }).await.expect("send")
        });
    }
    while let Some(joined) = set.join_next().await {
        joined.expect("task");
    }
    started.elapsed()
}

#[derive(Default)]
struct Samples {
    valid_ms: Vec<f64>,
    known_expired_ms: Vec<f64>,
    rejected_ms: Vec<f64>,
    refresh_ms: Vec<f64>,
    known_expired_refreshes: Vec<u64>,
    rejected_refreshes: Vec<u64>,
}

async fn round(bench: &Bench, s: &mut Samples) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;

    // Baseline: the same batch with a valid token.
    let valid = bench.valid_session();
    s.valid_ms.push(ms(batch(&bench.client(&valid)).await));

    // One refresh round trip, alone.
    let lone = bench.valid_session();
    let started = Instant::now();
    lone.refresh_now().await.expect("refresh");
    s.refresh_ms.push(ms(started.elapsed()));

    // Known expired: the session refreshes before sending.
    let expired = bench.session(SystemTime::now() - Duration::from_secs(1));
    let client = bench.client(&expired);
    bench.finqu.reset_counters();
    s.known_expired_ms.push(ms(batch(&client).await));
    s.known_expired_refreshes.push(bench.finqu.refresh_count());

    // Rejected: every request gets a 401, then one refresh serves all retries.
    let session = bench.valid_session();
    let client = bench.client(&session);
    bench.finqu.expire_all_tokens();
    bench.finqu.reset_counters();
    s.rejected_ms.push(ms(batch(&client).await));
    s.rejected_refreshes.push(bench.finqu.refresh_count());
}

fn main() {
    let rounds = if common::is_full_bench_run() { 7 } else { 1 };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let mut s = Samples::default();
    rt.block_on(async {
        let bench = Bench::start().await;
        // Warm-up: open the pool's connections and the server's.
        let warm = bench.valid_session();
        batch(&bench.client(&warm)).await;
        for _ in 0..rounds {
            round(&bench, &mut s).await;
        }
    });

    let refresh = common::median(&mut s.refresh_ms);
    let valid = common::median(&mut s.valid_ms);
    println!("refresh_contention: {CALLERS} concurrent sends per batch, median of {rounds} rounds");
    println!("one refresh round trip (Session::refresh_now, alone): {refresh:.2} ms");
    println!("batch with a valid token (baseline): {valid:.2} ms");
    println!(
        "| token | token-endpoint calls per batch (target: exactly 1) | batch (ms) | added vs valid (ms) | added / one refresh round trip |"
    );
    println!("|---|---|---:|---:|---:|");
    let mut all_once = true;
    for (name, times, counts) in [
        (
            "known expired (refresh before send)",
            &mut s.known_expired_ms,
            &s.known_expired_refreshes,
        ),
        (
            "rejected by the server (401, refresh, retry)",
            &mut s.rejected_ms,
            &s.rejected_refreshes,
        ),
    ] {
        let t = common::median(times);
        let added = t - valid;
        all_once &= counts.iter().all(|&c| c == 1);
        println!(
            "| {name} | {counts:?} | {t:.2} | {added:.2} | {:.2} |",
            added / refresh
        );
    }
    println!(
        "exactly one token-endpoint call per batch: {}",
        if all_once { "met" } else { "MISSED" }
    );
    assert!(all_once, "a batch refreshed more than once");
}
