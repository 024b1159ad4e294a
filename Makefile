# The two commands of the README. Each installs what is missing first.
# Recipes use bash: scripts/env.sh relies on it.
SHELL := /bin/bash
.PHONY: serve test build size

serve:
	scripts/serve.sh

test:
	scripts/test.sh

build:
	scripts/setup.sh && source scripts/env.sh && trunk build --release --locked

# Sizes of the release build (raw, gzip, brotli), see README "Measured figures".
size: build
	node scripts/size.mjs dist
