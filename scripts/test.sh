#!/usr/bin/env bash
# Installs what is missing, then runs every test: formatting and lints, the
# native engine tests, the release build, and the end-to-end browser tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
source scripts/env.sh
step() { printf '\033[1m==> %s\033[0m\n' "$*"; }

step "format"
cargo fmt --all -- --check
step "house rules (file and function sizes, no import circles)"
python3 scripts/house.py
step "lints (native and wasm32)"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --target wasm32-unknown-unknown --lib --bins --locked -- -D warnings
step "native tests (engine)"
cargo test --locked
step "release build (trunk)"
trunk build --release --locked
step "browser end-to-end tests (headless Chromium)"
node --test --test-concurrency=1 tests/e2e/
step "all tests passed"
