#!/usr/bin/env bash
# Installs exactly what is missing to build and test Policy Desk, and nothing from outside the package
# registries: Debian packages, crates, npm packages. Idempotent: a second run only checks.
# Prints each step and how long it took.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

TRUNK_VERSION=0.21.14       # 0.22.x needs rustc >= 1.96.1
BINARYEN_VERSION=132        # npm's binaryen; Debian's 108 builds broken modules
SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
total_started=$(date +%s)

missing_debs() {
  for p in "$@"; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep 'install ok installed' >/dev/null || echo "$p"
  done
}
apt_updated=0
apt_install() {
  [ $# -gt 0 ] || return 0
  if [ "$apt_updated" = 0 ]; then $SUDO apt-get update -q; apt_updated=1; fi
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@"
}
version_of() { "$1" --version 2>/dev/null | awk '{print $2; exit}'; }

# ---------------------------------------------------------------- Debian packages
step "Debian packages (chromium, chromedriver, brotli, openssl, node)"
# shellcheck disable=SC2046
need=$(missing_debs chromium chromium-driver brotli openssl)
command -v npm >/dev/null || need="$need nodejs npm"
if [ -n "${need// /}" ]; then
  echo "installing:$need"
  # shellcheck disable=SC2086
  apt_install $need
else
  echo "already installed"
fi
step_done

# ---------------------------------------------------------------- the wasm32 target
step "wasm32-unknown-unknown target"
if [ "$(wasm_route)" = rustup ]; then
  echo "rustup's target is installed"
elif timeout 180 rustup target add wasm32-unknown-unknown; then
  echo "added rustup's target"
fi
if [ "$(wasm_route)" = rustup ]; then
  # std's sources, rebuilt for size in release site builds (scripts/build-site.sh).
  rustup component list --installed | grep '^rust-src' >/dev/null || timeout 180 rustup component add rust-src \
    || echo "rust-src is not reachable: site builds will use the prebuilt std (larger wasm)"

else
  echo "rustup's target is not reachable: using Debian's rustc-web with std built from source"
  # shellcheck disable=SC2046
  apt_install --no-install-recommends $(missing_debs rustc-web cargo-web rust-web-src lld)
  rustup toolchain list | grep '^debian-web' >/dev/null || rustup toolchain link debian-web /usr
fi
echo "route: $(wasm_route)"
step_done

mkdir -p "$TOOLS_HOME/bin"

# ---------------------------------------------------------------- wasm-opt
step "wasm-opt (npm binaryen $BINARYEN_VERSION)"
if [ "$("$TOOLS_HOME/binaryen/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')" = "$BINARYEN_VERSION" ]; then
  echo "already installed"
else
  npm install --no-audit --no-fund --prefix "$TOOLS_HOME/binaryen" "binaryen@${BINARYEN_VERSION}.0.0"
fi
step_done

# ---------------------------------------------------------------- trunk
step "trunk $TRUNK_VERSION"
if [ "$(version_of "$TOOLS_HOME/bin/trunk")" = "$TRUNK_VERSION" ]; then
  echo "already installed"
else
  echo "building from crates (takes 6-15 min on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked --root "$TOOLS_HOME"
fi
step_done

# ---------------------------------------------------------------- wasm-bindgen-cli
WBG_VERSION=$(locked_wasm_bindgen_version)
step "wasm-bindgen-cli $WBG_VERSION (the version in Cargo.lock)"
if [ "$(version_of "$TOOLS_HOME/bin/wasm-bindgen")" = "$WBG_VERSION" ]; then
  echo "already installed"
elif ! cargo install wasm-bindgen-cli --version "$WBG_VERSION" --locked --root "$TOOLS_HOME"; then
  # Its own lockfile has pinned crates that the registry no longer serves (webpki-roots 1.0.11 for
  # 0.2.130): unpack the crate, move those pins one patch back, install from the path.
  echo "--locked install failed; retrying with lock fix-ups"
  crate=$(ls "${CARGO_HOME:-$HOME/.cargo}"/registry/cache/*/"wasm-bindgen-cli-$WBG_VERSION.crate" | head -n1)
  src=$(mktemp -d)
  tar xzf "$crate" -C "$src"
  (
    cd "$src/wasm-bindgen-cli-$WBG_VERSION"
    cargo update -p webpki-roots@1.0.11 --precise 1.0.10 || true
    cargo install --path . --locked --root "$TOOLS_HOME"
  )
  rm -rf "$src"
fi
grep -q "^wasm_bindgen *= *\"$WBG_VERSION\"" "$REPO_ROOT/Trunk.toml" || {
  echo "Trunk.toml [tools] wasm_bindgen must be \"$WBG_VERSION\" (Cargo.lock's wasm-bindgen)" >&2; exit 1; }
step_done

# ---------------------------------------------------------------- npm packages
step "npm ci (msal-browser for the site; playwright-core, oidc-provider, jose, axe-core for tests)"
stamp="$REPO_ROOT/node_modules/.package-lock.sha256"
want=$(sha256sum "$REPO_ROOT/package-lock.json" | awk '{print $1}')
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  echo "already installed"
else
  (cd "$REPO_ROOT" && npm ci --no-audit --no-fund)
  echo "$want" > "$stamp"
fi
step_done

step "versions"
rustc --version
(wasm_run rustc --version)
trunk --version; wasm-bindgen --version; wasm-opt --version
chromium --version 2>/dev/null | grep -v '^\[' || true
chromedriver --version; node --version
echo "bootstrap took $(( $(date +%s) - total_started ))s"
