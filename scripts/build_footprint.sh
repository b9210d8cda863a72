#!/usr/bin/env bash
# Build footprint of the workspace: clean `cargo build --workspace` time in a
# fresh target dir, and `cargo tree -d` duplicates of the heavy crates
# (target: none), each with who pulls which version.
#
#   scripts/build_footprint.sh            # build time and duplicates
#   scripts/build_footprint.sh --no-build # duplicates only
#
# The clean build uses a temporary target dir (removed after) and the
# machine's cores; it competes with whatever else runs, so it is a figure for
# this machine and this moment, reported with `nproc` and the load average.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO"
HEAVY=(reqwest hyper hyper-util h2 http syn rustls tokio serde serde_json aws-lc-rs ring tower)

if [[ "${1:-}" != "--no-build" ]]; then
  TARGET="$(mktemp -d "${TMPDIR:-/tmp}/finqu-build-footprint.XXXXXX")"
  trap 'rm -rf "$TARGET"' EXIT
  # Sources fetched first so that the timing is compiling, not downloading.
  cargo fetch --quiet
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  start=$(date +%s%N)
  CARGO_TARGET_DIR="$TARGET" cargo build --workspace --quiet
  end=$(date +%s%N)
  units=$(find "$TARGET/debug/.fingerprint" -mindepth 1 -maxdepth 1 -type d | wc -l)
  size=$(du -sh "$TARGET" | cut -f1)
  echo "build_footprint: clean cargo build --workspace (dev profile, $(nproc) cores, load before: $load_before)"
  echo "| figure | value |"
  echo "|---|---:|"
  echo "| wall time | $(awk -v ns=$((end - start)) 'BEGIN { printf "%.1f s", ns / 1e9 }') |"
  echo "| units built (fingerprints) | $units |"
  echo "| target dir size | $size |"
  echo
fi

echo "duplicates of heavy crates in cargo tree -d --workspace (target: none)"
echo "| crate | versions in the tree (all edges) | versions (normal edges only) | pulled by |"
echo "|---|---|---|---|"
# Depth 0 of the inverted trees: the duplicated packages themselves.
dups_all=$(cargo tree -d --workspace --depth 0 --prefix none 2>/dev/null | grep -E '^[a-zA-Z]' | sed 's/ (.*//' | sort -u)
dups_normal=$(cargo tree -d --workspace -e normal --depth 0 --prefix none 2>/dev/null | grep -E '^[a-zA-Z]' | sed 's/ (.*//' | sort -u)
any=0
for crate in "${HEAVY[@]}"; do
  all=$(echo "$dups_all" | awk -v c="$crate" '$1 == c { print $2 }' | sort -u | paste -sd' ')
  normal=$(echo "$dups_normal" | awk -v c="$crate" '$1 == c { print $2 }' | sort -u | paste -sd' ')
  if [[ -z "$all" ]]; then
    echo "| $crate | one | one | |"
    continue
  fi
  any=1
  who=""
  for v in $all; do
    # The crates that depend on this version directly.
    parents=$(cargo tree --workspace -i "$crate@${v#v}" --depth 1 --prefix none 2>/dev/null | tail -n +2 | sed 's/ (.*//' | awk '{ print $1 " " $2 }' | sort -u | paste -sd',' | sed 's/,/, /g')
    who+="$v: $parents; "
  done
  echo "| $crate | $all | ${normal:-one} | ${who%; } |"
done
echo
echo "every duplicate (all edges): $(echo "$dups_all" | paste -sd',' | sed 's/,/, /g')"
if [[ $any -eq 0 ]]; then
  echo "heavy-crate duplicates: none (target met)"
else
  echo "heavy-crate duplicates: present (target: none, MISSED)"
fi
