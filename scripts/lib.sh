# Shared by scripts/*.sh: where the build tools live and how wasm builds are run. Source, don't run.
# shellcheck shell=bash

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
TOOLS_HOME=${POLICY_DESK_TOOLS:-$HOME/.local/share/policy-desk/tools}
export PATH="$TOOLS_HOME/bin:$TOOLS_HOME/binaryen/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step_started=0
step() { step_started=$(date +%s); printf '\n=== [%s] %s\n' "$(date +%T)" "$*"; }
step_done() { printf '    (%ss)\n' "$(( $(date +%s) - step_started ))"; }

# wasm32 builds go through rustup's target where it is installed; otherwise through Debian's rustc-web
# with std built from source. The Debian settings are set only inside wasm commands: exported globally
# they would break host builds.
wasm_route() {
  # POLICY_DESK_WASM_ROUTE=debian (or rustup) picks the route, e.g. to exercise the Debian one on a
  # machine that has rustup's target.
  if [ -n "${POLICY_DESK_WASM_ROUTE:-}" ]; then
    echo "$POLICY_DESK_WASM_ROUTE"
    return
  fi
  if rustup target list --installed 2>/dev/null | grep -x wasm32-unknown-unknown >/dev/null; then
    echo rustup
  else
    echo debian
  fi
}

# Runs "$@" with the environment a wasm32 build needs on this machine's route.
wasm_run() {
  if [ "$(wasm_route)" = debian ]; then
    RUSTUP_TOOLCHAIN=debian-web RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld "$@"
  else
    "$@"
  fi
}

# Runs "$@" for a release site build: std is rebuilt with `optimize_for_size` and panics become
# immediate aborts (no panic formatting or location strings in the wasm). Unstable flags on a stable
# compiler through RUSTC_BOOTSTRAP, kept to this one command; tests and debug builds keep ordinary
# panics. RUSTFLAGS reaches only the wasm target (cargo is given --target), not build scripts.
wasm_size_run() {
  RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
    CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size \
    RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
    wasm_run "$@"
}

# The wasm-bindgen version Cargo.lock resolved; wasm-bindgen-cli must match it exactly.
locked_wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' "$REPO_ROOT/Cargo.lock"
}
