#!/usr/bin/env bash
# Compile-time cost of #[finqu_endpoint]: `cargo check` of a generated crate
# with N endpoints declared with the macro, versus the same N written by hand
# as trait impls, and the extra time of a grant holding every scope used,
# checked against all N. Target: macro / hand at most 1.5.
#
#   scripts/macro_compile_time.sh [N=300] [RUNS=5]
#
# The crates live in a temporary workspace outside the repo, depend on
# finqu-core by path and share one target dir; dependencies are built once
# first, then each run touches src/lib.rs and times `cargo check` of that
# crate alone. The figure is the median of RUNS runs; the variants alternate
# run by run so that load from elsewhere hits them alike.
set -euo pipefail

N="${1:-300}"
RUNS="${2:-5}"
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/finqu-macro-ct.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
VARIANTS=(hand macro grant)

cat >"$WORK/Cargo.toml" <<EOF
[workspace]
members = ["gen_hand", "gen_macro", "gen_grant"]
resolver = "3"
EOF
# The repo's lock: the same dependency versions, no resolution from the network.
cp "$REPO/Cargo.lock" "$WORK/Cargo.lock"
for v in "${VARIANTS[@]}"; do
  mkdir -p "$WORK/gen_$v/src"
  cat >"$WORK/gen_$v/Cargo.toml" <<EOF
[package]
name = "gen_$v"
version = "0.0.0"
edition = "2024"
publish = false

[dependencies]
finqu-core = { path = "$REPO/finqu-core" }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
EOF
  python3 "$REPO/scripts/gen_endpoints.py" "$v" "$N" >"$WORK/gen_$v/src/lib.rs"
done

export CARGO_TARGET_DIR="$WORK/target"
echo "building dependencies once (cargo check of all variants)..." >&2
(cd "$WORK" && cargo check --quiet --workspace 2>&1 | tail -20) >&2
# The generated crates must be warning-free: a warning pass would be timed too.
for v in "${VARIANTS[@]}"; do
  touch "$WORK/gen_$v/src/lib.rs"
  if (cd "$WORK" && cargo check -p "gen_$v" --message-format short 2>&1) | grep -E '^(warning|error)|: (warning|error)' >&2; then
    echo "gen_$v does not check cleanly" >&2
    exit 1
  fi
done

declare -A TIMES
for ((r = 1; r <= RUNS; r++)); do
  for v in "${VARIANTS[@]}"; do
    touch "$WORK/gen_$v/src/lib.rs"
    start=$(date +%s%N)
    (cd "$WORK" && cargo check --quiet -p "gen_$v")
    end=$(date +%s%N)
    TIMES[$v]+="$(((end - start) / 1000000)) "
  done
  # Alternate the order: hand first on odd runs, last on even ones.
  VARIANTS=("${VARIANTS[@]:1}" "${VARIANTS[0]}")
done

median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
hand=$(echo "${TIMES[hand]}" | median)
macro=$(echo "${TIMES[macro]}" | median)
grant=$(echo "${TIMES[grant]}" | median)
lines() { wc -l <"$WORK/gen_$1/src/lib.rs"; }

echo "macro_compile_time: cargo check of one crate with $N endpoints, median of $RUNS runs (ms)"
echo "| crate | lib.rs lines | cargo check (ms) | runs (ms) |"
echo "|---|---:|---:|---|"
echo "| hand-written trait impls | $(lines hand) | $hand | ${TIMES[hand]}|"
echo "| #[finqu_endpoint] | $(lines macro) | $macro | ${TIMES[macro]}|"
echo "| #[finqu_endpoint] + grant of every scope checked against all $N | $(lines grant) | $grant | ${TIMES[grant]}|"
awk -v m="$macro" -v h="$hand" -v g="$grant" -v n="$N" 'BEGIN {
  r = m / h
  printf "ratio macro / hand: %.2f (target <= 1.5: %s)\n", r, (r <= 1.5 ? "met" : "MISSED")
  printf "grant check against all %d endpoints: %+d ms over the macro crate (%.2f ms per endpoint)\n", n, g - m, (g - m) / n
}'
