#!/usr/bin/env bash
# Command B of the README: runs every test. Installs what is missing first (scripts/bootstrap.sh).
#   1. formatting and lints        4. release build of the site (dist/) and its size report
#   2. native tests (workspace)    5. end-to-end: real msal-browser + oidc-provider + emulator in Chromium
#   3. component tests in headless Chromium (wasm-bindgen-test)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
started=$(date +%s)

"$REPO_ROOT/scripts/bootstrap.sh"

step "cargo fmt --check, clippy"
cargo fmt --all -- --check
cargo clippy --workspace --all-targets --locked -- -D warnings
step_done

step "native tests: cargo test --workspace"
cargo test --workspace --locked
step_done

step "component tests in headless Chromium (wasm-bindgen-test)"
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
  wasm_run cargo test -p policy-desk --target wasm32-unknown-unknown --tests --locked
step_done

step "release build of the site"
"$REPO_ROOT/scripts/build-site.sh"
"$REPO_ROOT/scripts/size-report.sh"
cargo build -p graph-emulator --locked
step_done

step "end-to-end tests (Playwright + real msal-browser + oidc-provider + graph-emulator)"
GRAPH_EMULATOR_BIN="$REPO_ROOT/target/debug/graph-emulator" SITE_DIR="$REPO_ROOT/dist" npm run --silent e2e
step_done

echo "all tests passed in $(( $(date +%s) - started ))s"
