#!/usr/bin/env bash
# Builds the static site into dist/ (release: opt-level z, LTO, wasm-opt -Oz). Offline: Trunk never
# downloads. Run scripts/bootstrap.sh once first (test.sh and demo.sh do).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
wasm_run trunk build --release --offline "$@"
