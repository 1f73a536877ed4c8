#!/usr/bin/env bash
# The main job: set up, then ingest the bundled corpus into Neo4j and serve the API.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# NODE_ENV=production as in the Dockerfile: graphql-js then skips its development-only
# check on every type test (about 7 % of the API's own CPU per request, --cpu-prof).
NODE_ENV=production exec node --import tsx app/main.ts "$@"
