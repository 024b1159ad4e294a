#!/usr/bin/env bash
# Installs whatever this project needs and is missing; skips what is already
# right, so a second run takes seconds. Downloads only from package registries
# (crates.io, npm, Debian).
#
#   scripts/setup.sh         tools to build and serve the app
#   scripts/setup.sh test    the same, plus Chromium for the browser tests
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/env.sh
source scripts/env.sh

want_test=${1:-}
TRUNK_VERSION=0.21.14
WASM_SPLIT_VERSION=0.2.4
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Rust target for the browser (rustup does not auto-install here).
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  step "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk: the newest release that builds with rustc 1.95.
if [ "$(trunk --version 2>/dev/null || true)" != "trunk $TRUNK_VERSION" ]; then
  step "installing trunk $TRUNK_VERSION (several minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli at exactly the version in Cargo.lock (scripts/split.mjs
# checks it). Without --locked: its own lockfile pins a missing crate.
wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$wbg_version" ]; then
  echo "cannot read the wasm-bindgen version from Cargo.lock" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null || true)" != "wasm-bindgen $wbg_version" ]; then
  step "installing wasm-bindgen-cli $wbg_version (a few minutes, once)"
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi

# wasm-split-cli: splits the wasm into the first load and the chunks of the
# screens loaded on demand (scripts/split.mjs, issue 18). 0.2.4: 0.2.2 made
# wasm-bindgen 0.2.130 panic. It has no --version: ask cargo what it installed.
if ! cargo install --list | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
  step "installing wasm-split-cli $WASM_SPLIT_VERSION (a minute or two, once)"
  cargo install wasm_split_cli_support --version "$WASM_SPLIT_VERSION" --features build-binary --locked
fi

# npm tools: wasm-opt 132 (binaryen) and playwright-core, exactly as locked.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.setup-stamp 2>/dev/null || true)" != "$lock_sum" ]; then
  step "installing npm tools (binaryen, playwright-core)"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.setup-stamp
fi
case "$(wasm-opt --version 2>/dev/null || true)" in
  "wasm-opt version 132"*) ;;
  *) echo "wasm-opt 132 from node_modules/.bin is not first on PATH" >&2; exit 1 ;;
esac

if [ "$want_test" = "test" ]; then
  # Debian's Chromium for headless browser tests (never a downloaded browser).
  if ! command -v chromium >/dev/null 2>&1; then
    step "installing Debian's chromium"
    sudo_cmd=""
    if [ "$(id -u)" != 0 ]; then sudo_cmd="sudo"; fi
    $sudo_cmd apt-get update
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y --no-install-recommends chromium
  fi
  rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy
  rustup component list --installed 2>/dev/null | grep -q '^rustfmt' || rustup component add rustfmt
fi
step "tools ready"
