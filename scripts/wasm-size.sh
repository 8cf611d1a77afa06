#!/usr/bin/env bash
# Prints the size of the release .wasm in dist/, raw and gzipped, and fails past the
# budget (600 KB gzipped for the finished app).
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$((600 * 1024))
wasm=$(ls dist/*.wasm | head -n 1)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'release wasm: %s — %d KB raw, %d KB gzipped (budget %d KB)\n' \
  "$(basename "$wasm")" $((raw / 1024)) $((gz / 1024)) $((budget / 1024))
[ "$gz" -le "$budget" ]
