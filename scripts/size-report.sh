#!/usr/bin/env bash
# Prints the first-load size of the built site (dist/), raw and brotli (-q 11), split by kind.
# The target is at most 250 KB brotli for everything a first visit downloads.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dist=${1:-$REPO_ROOT/dist}
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: run scripts/build-site.sh first" >&2; exit 1; }

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
kind_of() {
  case "$1" in
    *.wasm) echo wasm ;;
    msal-browser.min.js|msal-redirect-bridge.min.js) echo msal-browser ;;
    *.js) echo "js glue" ;;
    *.css) echo css ;;
    *.html) echo html ;;
    *) echo other ;;
  esac
}
declare -A raw br
for f in "$dist"/*; do
  [ -f "$f" ] || continue
  name=$(basename "$f")
  case "$name" in config*.json) continue ;; esac   # deployment data, not code
  k=$(kind_of "$name")
  r=$(stat -c %s "$f"); b=$(brotli -q 11 -c "$f" | wc -c)
  raw[$k]=$(( ${raw[$k]:-0} + r )); br[$k]=$(( ${br[$k]:-0} + b ))
  printf '  %-48s %9d B raw %9d B brotli\n' "$name" "$r" "$b"
done
echo
total_raw=0; total_br=0
for k in wasm "js glue" msal-browser css html other; do
  [ -n "${raw[$k]:-}" ] || continue
  printf '%-14s %8s KB raw %8s KB brotli\n' "$k" "$(kb "${raw[$k]}")" "$(kb "${br[$k]}")"
  total_raw=$(( total_raw + raw[$k] )); total_br=$(( total_br + br[$k] ))
done
printf '%-14s %8s KB raw %8s KB brotli (target: 250 KB brotli)\n' total "$(kb "$total_raw")" "$(kb "$total_br")"
