#!/usr/bin/env bash
# Builds the static site into dist/ (or --dist DIR): one wasm bundle per page, so the first load
# carries the list alone and the detail and create pages load only when opened:
#   index.html  -> policy-desk         (/, every path without a page of its own)
#   detail.html -> policy-desk-detail  (/policies/{id}; generated from index.html)
#   create.html -> policy-desk-create  (/policies/new; generated from index.html)
# Release settings: opt-level z, LTO, wasm-opt -Oz, and std rebuilt for size with panics as
# immediate aborts (about 40 KB brotli less wasm per bundle). Other arguments go to `trunk build`
# (e.g. --public-url /policies/). Run scripts/bootstrap.sh once first (test.sh and demo.sh do).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$REPO_ROOT"

dist=dist
trunk_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist=$2; shift 2 ;;
    --dist=*) dist=${1#--dist=}; shift ;;
    *) trunk_args+=("$1"); shift ;;
  esac
done

# Rebuilding std needs its own dependencies, which `trunk --offline` cannot fetch: a plain cargo
# build first (registries allowed) leaves Trunk's cargo calls with nothing to download.
build=wasm_size_run
if ! wasm_size_run cargo build --release --target wasm32-unknown-unknown -p policy-desk --bins --locked; then
  echo "WARNING: the size-optimized std build failed; building with the prebuilt std (wasm ~40 KB brotli larger)." >&2
  build=wasm_run
fi

stage=$(mktemp -d)
# detail.html and create.html are index.html with their own bundle and without the copied files
# (those ship once, with the list). Trunk resolves asset paths from the page's folder, so they are
# written beside index.html for the build, under names of this build's own (two builds at once
# must not delete each other's), and removed after it.
declare -A source_of=([index]=index.html)
for page in detail create; do
  source_of[$page]=".build-$page-$$.html"
done
trap 'rm -rf "$stage" "$REPO_ROOT/${source_of[detail]}" "$REPO_ROOT/${source_of[create]}"' EXIT
for page in detail create; do
  sed -e "s/data-bin=\"policy-desk\"/data-bin=\"policy-desk-$page\"/" -e '/rel="copy-file"/d' \
    -e '/msal-browser is loaded on demand/d' "$REPO_ROOT/index.html" > "$REPO_ROOT/${source_of[$page]}"
done
for page in index detail create; do
  "$build" trunk build "${source_of[$page]}" --release --offline --dist "$stage/$page" ${trunk_args[@]+"${trunk_args[@]}"}
done
# Trunk names every file by its content hash, so the three builds merge without clashes (the
# shared stylesheet is the same file in each).
rm -rf "$dist"
mkdir -p "$dist"
cp -R "$stage/index/." "$dist/"
for page in detail create; do
  # Trunk writes each page's HTML as index.html; it becomes <page>.html beside the list's.
  mv "$stage/$page/index.html" "$dist/$page.html"
  cp -Rn "$stage/$page/." "$dist/"
done
echo "site built in $dist: $(ls "$dist" | tr '\n' ' ')"
