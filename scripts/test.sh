#!/usr/bin/env bash
# Command B of the README: runs every test. Installs what is missing first (scripts/bootstrap.sh).
#   1. formatting and lints        4. release build of the site (dist/) and its size report
#   2. native tests (workspace)    5. end-to-end: real msal-browser + oidc-provider + emulator in Chromium
#   3. component tests in headless Chromium (wasm-bindgen-test)
#   6. the Debian wasm route: the site built with rustc-web, its size, end-to-end on it
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
# The same site built for a sub-path (tests/e2e/subpath.test.mjs serves it under /desk/).
"$REPO_ROOT/scripts/build-site.sh" --dist "$REPO_ROOT/target/site-subpath" --public-url /desk/
cargo build -p graph-emulator --locked
step_done

step "end-to-end tests (Playwright + real msal-browser + oidc-provider + graph-emulator)"
GRAPH_EMULATOR_BIN="$REPO_ROOT/target/debug/graph-emulator" SITE_DIR="$REPO_ROOT/dist" \
  SUBPATH_SITE_DIR="$REPO_ROOT/target/site-subpath" npm run --silent e2e
step_done

# The fallback route a machine takes when rustup's target does not answer (scripts/bootstrap.sh):
# Debian's rustc-web with std built from source. Exercised here so it cannot rot unseen: the same
# release site, its size, and the end-to-end tests of the pages an admin uses, on that compiler.
step "the Debian wasm route (rustc-web, std from source): site build, size, end-to-end"
POLICY_DESK_WASM_ROUTE=debian "$REPO_ROOT/scripts/bootstrap.sh"
POLICY_DESK_WASM_ROUTE=debian CARGO_TARGET_DIR="$REPO_ROOT/target/debian-route" \
  "$REPO_ROOT/scripts/build-site.sh" --dist "$REPO_ROOT/target/site-debian"
"$REPO_ROOT/scripts/size-report.sh" "$REPO_ROOT/target/site-debian" | grep "first load total"
GRAPH_EMULATOR_BIN="$REPO_ROOT/target/debug/graph-emulator" SITE_DIR="$REPO_ROOT/target/site-debian" \
  node --test --test-concurrency=1 tests/e2e/demo.test.mjs tests/e2e/detail.test.mjs tests/e2e/create.test.mjs
step_done

echo "all tests passed in $(( $(date +%s) - started ))s"
