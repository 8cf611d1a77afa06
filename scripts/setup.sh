#!/usr/bin/env bash
# Installs what building, serving and testing need, skipping what is already there.
# Usage: scripts/setup.sh [--browser]   (--browser also installs Chromium and its driver)
# Nothing here downloads a prebuilt binary: every tool comes from crates.io, npm or Debian.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132
TOOLS_DIR="${NNP_TOOLS_DIR:-$HOME/.cache/nnp-tools}"

say() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

wasm_bindgen_version() {
  # The CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  say "installing Trunk $TRUNK_VERSION from crates.io (takes ~10 minutes once)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

wbg=$(wasm_bindgen_version)
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg" ]; then
  say "installing wasm-bindgen-cli $wbg from crates.io"
  # Without --locked: its own lock file names a version this registry lacks.
  cargo install --force "wasm-bindgen-cli@$wbg"
fi

# Debian's binaryen is too old to read this wasm; npm's binaryen works.
if [ ! -x "$TOOLS_DIR/node_modules/.bin/wasm-opt" ] \
  || ! "$TOOLS_DIR/node_modules/.bin/wasm-opt" --version | grep -q "version_$BINARYEN_VERSION"; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into $TOOLS_DIR"
  mkdir -p "$TOOLS_DIR"
  npm install --prefix "$TOOLS_DIR" --no-audit --no-fund "binaryen@$BINARYEN_VERSION" >/dev/null
fi
# Plain `trunk build` in a new shell (without sourcing scripts/env.sh) looks for wasm-opt on
# PATH: put this one where cargo's tools already are (~/.cargo/bin is on a Rust user's PATH).
linked="$HOME/.cargo/bin/wasm-opt"
if [ -e "$linked" ] && [ ! -L "$linked" ]; then
  say "leaving your own $linked alone (a plain trunk build needs binaryen version_$BINARYEN_VERSION first on PATH)"
elif [ "$(readlink "$linked" || true)" != "$TOOLS_DIR/node_modules/.bin/wasm-opt" ]; then
  mkdir -p "$HOME/.cargo/bin"
  ln -sf "$TOOLS_DIR/node_modules/.bin/wasm-opt" "$linked"
fi

if [ "${1:-}" = "--browser" ]; then
  # A CJK font so that screenshots of the Chinese pages show characters, not boxes
  # (visitors' own devices have one; the site itself never loads a font).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || [ ! -d /usr/share/fonts/truetype/wqy ]; then
    say "installing Debian's chromium, chromium-driver and a CJK font"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei >/dev/null
  fi
  if [ ! -d tests/node_modules/playwright-core ]; then
    say "installing the end-to-end test driver (npm playwright-core, no browser download)"
    (cd tests && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null)
  fi
fi

say "fetching crates so Trunk can build offline"
cargo fetch --locked >/dev/null
