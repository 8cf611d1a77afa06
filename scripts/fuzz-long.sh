#!/usr/bin/env bash
# The long fuzz run: every fuzz test of the suite (the formula parser, each screen's link
# reader and file importer, the generic link reader) natively in release mode, with
# NNP_FUZZ_CASES inputs of each kind per entry point instead of the suite's 10,000.
# Usage: scripts/fuzz-long.sh [CASES]   (default 1000000; `1_000_000` also works)
# Prints, per test, how many inputs each entry point took and how long it ran.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
export NNP_FUZZ_CASES=${1:-1000000}
log=target/fuzz-long.log
mkdir -p target
: >"$log"

echo "== building the tests (release, native)"
cargo test --locked --release -p nnp-core --lib --no-run >>"$log" 2>&1 || { cat "$log"; exit 1; }
cargo test --locked --release -p nnp-app --lib --no-run >>"$log" 2>&1 || { cat "$log"; exit 1; }

echo "== fuzzing with NNP_FUZZ_CASES=$NNP_FUZZ_CASES inputs of each kind per entry point"
printf '%-60s %9s\n' test seconds
failed=0
start_all=$(date +%s.%N)
for crate in nnp-core nnp-app; do
  # Every fuzz test is named fuzz_…; list them, then run each alone to time it.
  tests=$(cargo test --locked --release -q -p "$crate" --lib -- --list fuzz_ 2>>"$log" \
    | sed -n 's/: test$//p')
  for name in $tests; do
    start=$(date +%s.%N)
    if out=$(cargo test --locked --release -q -p "$crate" --lib -- --exact "$name" --nocapture 2>&1); then
      status=""
    else
      status="  FAILED"
      failed=1
    fi
    seconds=$(echo "$(date +%s.%N) - $start" | bc)
    echo "$out" >>"$log"
    printf '%-60s %9.1f%s\n' "$name" "$seconds" "$status"
    echo "$out" | sed -n 's/^FUZZED /    /p'
  done
done
printf '%-60s %9.1f\n' total "$(echo "$(date +%s.%N) - $start_all" | bc)"
if [ "$failed" -ne 0 ]; then
  echo "some fuzz test failed: see $log" >&2
  exit 1
fi
