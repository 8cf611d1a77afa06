#!/usr/bin/env bash
# Times every workload of crates/bench natively (criterion) and as wasm in headless
# Chromium, and prints one table of medians; then the side-by-side comparison with the
# JavaScript peers (crates/bench/js, tests/side_by_side.rs) in one page of headless Chromium.
# Last, the phone proxy (tests/phone.rs under 6× CPU throttling, scripts/phone.mjs) and the
# same throttling on the whole decision-boundaries screen (scripts/phone-screen.mjs).
# Usage: scripts/bench.sh [NAME-FILTER]   (scripts/bench.sh side-by-side: only the comparison
# and the phone proxy)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --browser >/dev/null
source scripts/env.sh
filter=${1:-}
out=${CARGO_TARGET_DIR:-target}
mkdir -p "$out"

side_by_side() {
  echo "== side by side in one headless Chromium page: peer (JavaScript) and project (wasm) interleaved"
  WASM_BINDGEN_TEST_TIMEOUT=600 cargo test --locked --release --target wasm32-unknown-unknown \
    -p nnp-bench --features browser --test side_by_side -- --nocapture >"$out"/bench-side.log 2>&1 \
    || { cat "$out"/bench-side.log; exit 1; }
  printf '\n%s, %s\n' "$(date -u +%Y-%m-%d)" "$(chromium --version 2>/dev/null || echo Chromium)"
  printf '%-36s %10s %11s %8s %8s %10s\n' workload "peer ms" "project ms" "ratio" "paired" "max error"
  grep -oE 'SIDE .*' "$out"/bench-side.log | while read -r _ name peer project ratio paired error; do
    printf '%-36s %10s %11s %7s× %7s× %10s\n' "$name" "${peer#*=}" "${project#*=}" "${ratio#*=}" \
      "${paired#*=}" "${error#*=}"
  done
  echo
  grep -oE 'CEILING .*' "$out"/bench-side.log | sed 's/^CEILING /ceiling at the start: /'
  grep -oE 'FRACTION .*' "$out"/bench-side.log | sed 's/^FRACTION //'

}

phone() {
  echo "== phone proxy: the project alone in headless Chromium, unthrottled and at 6× CPU throttling"
  local wasm
  wasm=$(cargo test --locked --release --target wasm32-unknown-unknown -p nnp-bench --features browser \
    --test phone --no-run 2>&1 | grep -oE '\([^)]*phone-[^)]*\.wasm\)' | tr -d '()')
  node scripts/phone.mjs "$wasm" 6
  echo "== phone proxy of the whole screen: the release site on a 390 px page, training live"
  trunk build --release --public-url /courses/nnp/ --dist "$out"/bench-dist >"$out"/bench-dist.log 2>&1 \
    || { cat "$out"/bench-dist.log; exit 1; }
  NNP_DIST="$(cd "$out"/bench-dist && pwd)" node scripts/phone-screen.mjs 6
}

if [ "$filter" = side-by-side ]; then
  side_by_side
  echo
  phone
  exit 0
fi

echo "== native (criterion, release)"
cargo bench --locked -p nnp-bench --bench native -- --noplot ${filter:+"$filter"} >"$out"/bench-native.log
echo "== wasm in headless Chromium (release, +simd128)"
WASM_BINDGEN_TEST_TIMEOUT=600 cargo test --locked --release --target wasm32-unknown-unknown \
  -p nnp-bench --features browser --test browser -- --nocapture >"$out"/bench-wasm.log 2>&1 \
  || { cat "$out"/bench-wasm.log; exit 1; }

printf '\n%-28s %14s %14s\n' workload "native ms" "wasm ms"
for dir in "$out"/criterion/*/; do
  name=$(basename "$dir")
  [ -f "$dir/new/estimates.json" ] || continue
  [ -z "$filter" ] || [[ "$name" == *"$filter"* ]] || continue
  native=$(python3 -c 'import json,sys; print("%.4f" % (json.load(open(sys.argv[1]))["median"]["point_estimate"] / 1e6))' "$dir/new/estimates.json")
  wasm=$(grep -oE "BENCH $name median_ms=[0-9.]+" "$out"/bench-wasm.log | sed 's/.*=//' || true)
  printf '%-28s %14s %14s\n' "$name" "$native" "${wasm:-—}"
done

[ -n "$filter" ] || { echo; side_by_side; echo; phone; }
