#!/usr/bin/env bash
# The main job: set up, then ingest the bundled corpus into Neo4j and serve the API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec node --import tsx app/main.ts "$@"
