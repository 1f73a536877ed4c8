#!/usr/bin/env bash
# The test command (README, .ci/run): set up, lint, type-check, run unit and
# integration tests against a real Neo4j, and smoke-run the benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
echo "== lint"; npx eslint .
echo "== typecheck"; npx tsc --noEmit
echo "== schema"; node --import tsx cli/main.ts schema check
echo "== cypher names"; node --import tsx cypher/generate-names.ts --check
echo "== tests"; npx vitest run "$@"
echo "== benchmarks (smoke run; figures are not checked)"; node --import tsx bench/main.ts --quick
