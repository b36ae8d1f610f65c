#!/usr/bin/env bash
# Builds the static site into dist/ (release: opt-level z, LTO, wasm-opt -Oz, and std rebuilt for
# size with panics as immediate aborts: about 40 KB brotli less wasm, which the 250 KB first-load
# budget needs). Extra arguments go to `trunk build` (e.g. --public-url /policies/, --dist DIR).
# Run scripts/bootstrap.sh once first (test.sh and demo.sh do).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

# Rebuilding std needs its own dependencies, which `trunk --offline` cannot fetch: a plain cargo
# build first (registries allowed) leaves Trunk's cargo call with nothing to download.
if wasm_size_run cargo build --release --target wasm32-unknown-unknown -p policy-desk --locked; then
  wasm_size_run trunk build --release --offline "$@"
else
  echo "WARNING: the size-optimized std build failed; building with the prebuilt std (wasm ~40 KB brotli larger)." >&2
  wasm_run trunk build --release --offline "$@"
fi
