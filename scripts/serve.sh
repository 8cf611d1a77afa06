#!/usr/bin/env bash
# Installs what is missing, then serves the playground at http://127.0.0.1:8080/ with
# live reload. Extra arguments go to `trunk serve` (e.g. --release, --port 9000).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
exec trunk serve --skip-version-check "$@"
