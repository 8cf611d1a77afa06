#!/usr/bin/env bash
# Prints the size of the release .wasm in dist/, raw and gzipped, and fails past the
# budget: 680 KB gzipped. It was 600 KB for five screens; seven screens, the guided tour
# (its lecture text and card, +29 KB) and the SIMD paths of the LSTM and the convolution
# (+12 KB) brought the app to 635 KB (2026-12-07); weights files for three screens (their
# nested shapes read through serde, +25 KB), the packed LSTM and 3×3 convolution paths
# (+6 KB) and print fitting to 666 KB (2026-12-07, session 8). A change that adds more must
# say why.
set -euo pipefail
cd "$(dirname "$0")/.."
budget=$((680 * 1024))
wasm=$(ls dist/*.wasm | head -n 1)
raw=$(stat -c %s "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
printf 'release wasm: %s — %d KB raw, %d KB gzipped (budget %d KB)\n' \
  "$(basename "$wasm")" $((raw / 1024)) $((gz / 1024)) $((budget / 1024))
[ "$gz" -le "$budget" ]
