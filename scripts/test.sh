#!/usr/bin/env bash
# The test command (README, .ci/run): set up (with Chromium for the browser
# tests), lint, type-check (the Node code and the explorer's browser code), run
# unit and integration tests against a real Neo4j and the explorer in Chromium,
# and smoke-run the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --browser
echo "== lint"; npx eslint .
echo "== typecheck"; npx tsc --noEmit; npx tsc --noEmit -p explorer
echo "== schema"; node --import tsx cli/main.ts schema check
echo "== cypher names"; node --import tsx cypher/generate-names.ts --check
echo "== tests"; npx vitest run "$@"
echo "== benchmarks (smoke run; figures are not checked)"; node --import tsx bench/main.ts --quick
