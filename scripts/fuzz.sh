#!/usr/bin/env bash
# Fuzzing (issue 7) with cargo-fuzz on the machine's stable toolchain.
#
#   scripts/fuzz.sh smoke            every target for 20 s (make fuzz-smoke)
#   scripts/fuzz.sh all [SECONDS]    every target, 600 s each by default
#   scripts/fuzz.sh TARGET [SECONDS] one target
#
# Targets: quote_import, share_decode, index_paste, library_recover,
# open_path (issue 19: link, file and storage, checked and admitted). The
# corpus grows in fuzz/corpus/<target> (kept in the repository); the
# starting inputs are in fuzz/seeds/<target>. A crash leaves its input in
# fuzz/artifacts/<target> and makes this script fail.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/env.sh
if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz 0.13.2" ]; then
  echo "==> installing cargo-fuzz 0.13.2 (from crates.io, once)"
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
# cargo-fuzz passes -Z flags (sanitizer, coverage): allowed on stable this way.
export RUSTC_BOOTSTRAP=1
targets=(quote_import share_decode index_paste library_recover open_path)
run() {
  mkdir -p "fuzz/corpus/$1"
  echo "==> fuzzing $1 for $2 s"
  cargo fuzz run "$1" "fuzz/corpus/$1" "fuzz/seeds/$1" -- -max_total_time="$2" -rss_limit_mb=2048 -timeout=10
}
case "${1:-smoke}" in
  smoke) for t in "${targets[@]}"; do run "$t" 20; done ;;
  all) for t in "${targets[@]}"; do run "$t" "${2:-600}"; done ;;
  *) run "$1" "${2:-600}" ;;
esac
