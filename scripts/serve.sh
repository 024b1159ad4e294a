#!/usr/bin/env bash
# Installs what is missing, then serves the app on http://127.0.0.1:8080
# with its built-in illustrative price book.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
source scripts/env.sh
# A separate dist directory, so serving never clobbers a test build.
exec trunk serve --dist target/serve-dist "$@"
