#!/usr/bin/env bash
# Shared set-up for `npm start` and `npm test` on a fresh clone: checks the
# toolchain, installs npm dependencies (building nodejieba from source against
# the local Node headers, never downloading them) and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "setup: $*" >&2; exit 1; }

command -v node >/dev/null || fail "Node.js 20+ is required (node not found)."
node_major=$(node -p 'process.versions.node.split(".")[0]')
[ "$node_major" -ge 20 ] || fail "Node.js 20+ is required (found $(node -v))."
if [ -z "${NEO4J_URI:-}" ]; then
  command -v "${JAVA_HOME:+$JAVA_HOME/bin/}java" >/dev/null || fail "Java 17+ is required to run the local Neo4j (or set NEO4J_URI)."
  command -v mvn >/dev/null || fail "Maven is required to fetch Neo4j from Maven Central (or set NEO4J_URI)."
fi

# node-gyp must find Node's headers locally rather than downloading them.
node_prefix=$(dirname "$(dirname "$(command -v node)")")
if [ -f "$node_prefix/include/node/node_api.h" ]; then
  export npm_config_nodedir="$node_prefix"
fi

stamp=node_modules/.kg-installed
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ] || [ package.json -nt "$stamp" ]; then
  echo "setup: installing npm dependencies (npm ci) …"
  npm ci --no-audit --no-fund
  node -e 'require("nodejieba")' || fail "nodejieba did not build; see the npm output above."
  touch "$stamp"
fi
