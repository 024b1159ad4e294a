# The two commands of the README. Each installs what is missing first.
# Recipes use bash: scripts/env.sh relies on it.
SHELL := /bin/bash
.PHONY: serve test build size bench bench-portfolio bench-wasm risk-latency latency import-bench profile-edit proptest-long fuzz-smoke fuzz

serve:
	scripts/serve.sh

test:
	scripts/test.sh

build:
	scripts/setup.sh && source scripts/env.sh && trunk build --release --locked

# Sizes of the release build (raw, gzip, brotli): every file, the first
# load (what the quote screen needs) and each lazy screen's chunks, see
# README "Measured figures".
size: build
	node scripts/size.mjs dist

# The engine natively (criterion): 10 / 100 / 1,000 lines x 12 / 36 / 60 months.
bench:
	scripts/setup.sh && source scripts/env.sh && \
	  cargo bench --locked --bench pricing -- --warm-up-time 1 --measurement-time 3

# The portfolio (issue 17): 1,000 quotes of 100 lines, every core and one thread.
bench-portfolio:
	scripts/setup.sh && source scripts/env.sh && \
	  cargo bench --locked --bench portfolio -- --warm-up-time 1 --measurement-time 10

# The same quotes, the engine compiled to WebAssembly as the app ships it, in Chromium.
bench-wasm:
	scripts/setup.sh test && source scripts/env.sh && \
	  cargo build --release --locked --example engine_wasm --target wasm32-unknown-unknown && \
	  wasm-bindgen --target web --no-typescript --out-dir target/engine-wasm \
	    $${CARGO_TARGET_DIR:-target}/wasm32-unknown-unknown/release/examples/engine_wasm.wasm && \
	  wasm-opt -Oz target/engine-wasm/engine_wasm_bg.wasm -o target/engine-wasm/engine_wasm_bg.wasm && \
	  node scripts/bench-wasm.mjs

# In-browser latency of the MRG risk (§9.4): a seed edit to the figures,
# 100 lines x 60 months, every line uncertain, 10,000 draws (medians of 20).
risk-latency: build
	source scripts/env.sh && node scripts/risk-latency.mjs

# In-browser latency of an edit on a 500-line quote, the cold load, and
# the first open of each screen loaded on demand.
latency: build
	source scripts/env.sh && node scripts/latency.mjs 500 36 60

# Import of a large quote to the quote shown (1,000, 4,000, 10,000 lines,
# medians of 3), then each tab's open time at 1,000 lines (issue 19).
import-bench: build
	source scripts/env.sh && node scripts/import-bench.mjs 3 1000 4000 10000

# Where an edit's time goes: a CPU profile of a dist that keeps function
# names (not minified by wasm-opt: slower than the shipped build;
# SPLIT_KEEP_NAMES is read by scripts/split.mjs).
profile-edit:
	scripts/setup.sh test && source scripts/env.sh && \
	  SPLIT_KEEP_NAMES=1 trunk build --release --locked --dist target/profile-dist && \
	  E2E_DIST=target/profile-dist node scripts/profile-edit.mjs 500 36 20

# Every property test at 10,000 cases (opt-in: minutes, not seconds).
proptest-long:
	scripts/setup.sh && source scripts/env.sh && PROPTEST_CASES=10000 cargo test --release --locked

# Fuzzing (cargo-fuzz): each target 20 s, or 10 minutes each.
fuzz-smoke:
	scripts/fuzz.sh smoke

fuzz:
	scripts/fuzz.sh all 600
