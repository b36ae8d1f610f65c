#!/usr/bin/env bash
# Command A of the README: builds the site and serves it. With no ./config.json (no tenant configured)
# it starts the Graph emulator with its sample tenant and serves the site in demo mode, no sign-in.
# With ./config.json it serves the site with that configuration (your tenant).
#   SITE_PORT (default 8080)  EMULATOR_PORT (default 8081)  HOST (default 127.0.0.1)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"
SITE_PORT=${SITE_PORT:-8080}
EMULATOR_PORT=${EMULATOR_PORT:-8081}
HOST=${HOST:-127.0.0.1}

"$REPO_ROOT/scripts/bootstrap.sh"
step "building the site and the emulator"
"$REPO_ROOT/scripts/build-site.sh"
cargo build --release -p graph-emulator --locked
step_done

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

if [ -f "$REPO_ROOT/config.json" ]; then
  config="$REPO_ROOT/config.json"
  echo "using ./config.json (your tenant)"
else
  mkdir -p "$REPO_ROOT/.tmp"
  config="$REPO_ROOT/.tmp/demo-config.json"
  printf '{\n  "mode": "demo",\n  "graphBaseUrl": "http://%s:%s/v1.0"\n}\n' "$HOST" "$EMULATOR_PORT" > "$config"
  "$REPO_ROOT/target/release/graph-emulator" --host "$HOST" --port "$EMULATOR_PORT" --tenant sample &
  pids+=($!)
fi
node "$REPO_ROOT/scripts/serve-site.mjs" --dir "$REPO_ROOT/dist" --host "$HOST" --port "$SITE_PORT" --config "$config" &
pids+=($!)
sleep 1
echo
echo "Policy Desk is running: open http://localhost:$SITE_PORT/   (Ctrl-C stops it)"
wait
