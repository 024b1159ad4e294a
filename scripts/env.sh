# Sourced by the other scripts: puts the project's tools first on PATH.
# npm's wasm-opt must shadow Debian's (version 108 breaks the app).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -f "$HOME/.cargo/env" ]; then
  # shellcheck disable=SC1091
  source "$HOME/.cargo/env"
fi
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true
export CHROMIUM_BIN="${CHROMIUM_BIN:-$(command -v chromium || echo /usr/bin/chromium)}"
