# Sourced by the scripts: puts the project's tools first on PATH.
# npm's wasm-opt (binaryen 132) must shadow any older one, which cannot read this wasm.
export PATH="$HOME/.cargo/bin:${NNP_TOOLS_DIR:-$HOME/.cache/nnp-tools}/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export TRUNK_SKIP_VERSION_CHECK=true
