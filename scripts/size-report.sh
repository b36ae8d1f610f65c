#!/usr/bin/env bash
# Prints the size of the built site (dist/ or the folder given), raw and brotli (-q 11): what the first
# load of the list downloads (HTML, CSS, the list's wasm and JS glue, and msal-browser, which is
# fetched at start in sign-in mode), then what opening a policy or the create form adds (each page is
# its own wasm bundle), and what only the sign-in round trip loads (the redirect bridge).
# The target is at most 250 KB brotli for the first load.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
dist=${1:-$REPO_ROOT/dist}
[ -f "$dist/index.html" ] || { echo "no $dist/index.html: run scripts/build-site.sh first" >&2; exit 1; }

kb() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1000 }'; }
declare -A raw br
add() { # group file
  local r b
  r=$(stat -c %s "$dist/$2"); b=$(brotli -q 11 -c "$dist/$2" | wc -c)
  raw[$1]=$(( ${raw[$1]:-0} + r )); br[$1]=$(( ${br[$1]:-0} + b ))
  printf '  %-22s %-46s %9d B raw %8d B brotli\n' "$1" "$2" "$r" "$b"
}
# The CSS, JS and wasm an HTML page references (Trunk's hashed names).
assets_of() {
  grep -oE '[A-Za-z0-9._-]+\.(css|js|wasm)' "$dist/$1" | sort -u | while read -r f; do
    case "$f" in msal-browser.min.js) ;; *) [ -f "$dist/$f" ] && echo "$f" ;; esac
  done
}

add "first load: html" index.html
for f in $(assets_of index.html); do
  case "$f" in
    *.css) add "first load: css" "$f" ;;
    *.wasm) add "first load: wasm" "$f" ;;
    *) add "first load: js glue" "$f" ;;
  esac
done
add "first load: msal" msal-browser.min.js
for page in detail create; do
  [ -f "$dist/$page.html" ] || continue
  add "$page page" "$page.html"
  for f in $(assets_of "$page.html"); do
    case "$f" in *.css) ;; *) add "$page page" "$f" ;; esac   # the stylesheet is the list's, cached
  done
done
for f in redirect.html msal-redirect-bridge.min.js redirect-bridge-start.js; do
  [ -f "$dist/$f" ] && add "sign-in only" "$f"
done

echo
total_raw=0; total_br=0
for k in "first load: wasm" "first load: js glue" "first load: msal" "first load: css" "first load: html"; do
  [ -n "${raw[$k]:-}" ] || continue
  printf '%-22s %8s KB raw %8s KB brotli\n' "$k" "$(kb "${raw[$k]}")" "$(kb "${br[$k]}")"
  total_raw=$(( total_raw + raw[$k] )); total_br=$(( total_br + br[$k] ))
done
printf '%-22s %8s KB raw %8s KB brotli (target: 250 KB brotli)\n' "first load total" "$(kb "$total_raw")" "$(kb "$total_br")"
for k in "detail page" "create page" "sign-in only"; do
  [ -n "${raw[$k]:-}" ] || continue
  printf '%-22s %8s KB raw %8s KB brotli (loaded when needed)\n' "$k" "$(kb "${raw[$k]}")" "$(kb "${br[$k]}")"
done
