# The two commands of the README. Each installs what is missing first.
# Recipes use bash: scripts/env.sh relies on it.
SHELL := /bin/bash
.PHONY: serve test build size proptest-long fuzz-smoke fuzz

serve:
	scripts/serve.sh

test:
	scripts/test.sh

build:
	scripts/setup.sh && source scripts/env.sh && trunk build --release --locked

# Sizes of the release build (raw, gzip, brotli), see README "Measured figures".
size: build
	node scripts/size.mjs dist

# Every property test at 10,000 cases (opt-in: minutes, not seconds).
proptest-long:
	scripts/setup.sh && source scripts/env.sh && PROPTEST_CASES=10000 cargo test --release --locked

# Fuzzing (cargo-fuzz): each target 20 s, or 10 minutes each.
fuzz-smoke:
	scripts/fuzz.sh smoke

fuzz:
	scripts/fuzz.sh all 600
