//! Shared by the benchmarks: a fixed token source and small statistics.

// Each bench binary uses a part of this module.
#![allow(dead_code, reason = "each bench binary uses a part")]

use std::sync::Arc;

use finqu_core::{AccessToken, TokenError, TokenSource};
use futures_util::future::BoxFuture;

/// The bearer token both sides of a comparison send.
pub(crate) const TOKEN: &str = "bench-access-token-0123456789abcdef";

/// A token source that always hands out [`TOKEN`]: the cheapest a
/// `TokenSource` can be, so the comparison measures the client, not a session.
#[derive(Debug)]
pub(crate) struct FixedToken(AccessToken);

impl FixedToken {
    pub(crate) fn arc() -> Arc<dyn TokenSource> {
        Arc::new(FixedToken(AccessToken::new(TOKEN)))
    }
}

impl TokenSource for FixedToken {
    fn access_token(&self) -> BoxFuture<'_, Result<AccessToken, TokenError>> {
        Box::pin(async move { Ok(self.0.clone()) })
    }

    fn refresh_after_unauthorized<'a>(
        &'a self,
        _rejected: &'a AccessToken,
    ) -> BoxFuture<'a, Result<AccessToken, TokenError>> {
        Box::pin(async { Err(TokenError::new("the bench token never changes", None)) })
    }
}

/// Whether this is `cargo bench` (criterion passes `--bench`), not the single
/// quick pass of `cargo test --benches`.
pub(crate) fn is_full_bench_run() -> bool {
    std::env::args().any(|a| a == "--bench")
}

/// The median; sorts `xs`.
pub(crate) fn median(xs: &mut [f64]) -> f64 {
    percentile(xs, 0.5)
}

/// The 25th and 75th percentiles; sorts `xs`.
pub(crate) fn quartiles(xs: &mut [f64]) -> (f64, f64) {
    (percentile(xs, 0.25), percentile(xs, 0.75))
}

/// The `q` quantile by linear interpolation; sorts `xs`. NaN when empty.
pub(crate) fn percentile(xs: &mut [f64], q: f64) -> f64 {
    if xs.is_empty() {
        return f64::NAN;
    }
    xs.sort_by(f64::total_cmp);
    let pos = q * (xs.len() - 1) as f64;
    let lo = pos.floor() as usize;
    let hi = pos.ceil() as usize;
    xs[lo] + (xs[hi] - xs[lo]) * (pos - lo as f64)
}
