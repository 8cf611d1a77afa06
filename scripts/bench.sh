#!/usr/bin/env bash
# Times every workload of crates/bench natively (criterion) and as wasm in headless
# Chromium, and prints one table of medians. Usage: scripts/bench.sh [NAME-FILTER]
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser >/dev/null
source scripts/env.sh
filter=${1:-}

echo "== native (criterion, release)"
cargo bench --locked -p nnp-bench --bench native -- --noplot ${filter:+"$filter"} >target/bench-native.log
echo "== wasm in headless Chromium (release, +simd128)"
WASM_BINDGEN_TEST_TIMEOUT=600 cargo test --locked --release --target wasm32-unknown-unknown \
  -p nnp-bench --features browser --test browser -- --nocapture >target/bench-wasm.log 2>&1 \
  || { cat target/bench-wasm.log; exit 1; }

printf '\n%-28s %14s %14s\n' workload "native ms" "wasm ms"
for dir in target/criterion/*/; do
  name=$(basename "$dir")
  [ -f "$dir/new/estimates.json" ] || continue
  [ -z "$filter" ] || [[ "$name" == *"$filter"* ]] || continue
  native=$(python3 -c 'import json,sys; print("%.4f" % (json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e6))' "$dir/new/estimates.json")
  wasm=$(grep -oE "BENCH $name median_ms=[0-9.]+" target/bench-wasm.log | sed 's/.*=//' || true)
  printf '%-28s %14s %14s\n' "$name" "$native" "${wasm:-—}"
done
