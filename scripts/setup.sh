#!/usr/bin/env bash
# Shared set-up for `npm start` and `npm test` on a fresh clone: checks the
# toolchain, installs npm dependencies (building nodejieba from source against
# the local Node headers, never downloading them) and builds the explorer.
# With --browser (the test command), also makes sure Debian's Chromium and CJK
# fonts are there for the browser tests: installed with apt-get when running
# as root, otherwise a message says what to install.
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

# The explorer (explorer/ → dist/explorer/), rebuilt only when its sources
# (its own and the shared/ modules it imports), its build configuration or the
# locked dependencies changed.
explorer_hash=$( (find explorer shared -type f -not -path '*/node_modules/*' -print0 | sort -z | xargs -0 sha256sum; sha256sum package-lock.json) | sha256sum | cut -d' ' -f1)
if [ ! -f dist/explorer/index.html ] || [ "$(cat dist/explorer/.source-hash 2>/dev/null || true)" != "$explorer_hash" ]; then
  echo "setup: building the explorer (vite) …"
  npx vite build --config explorer/vite.config.ts || fail "the explorer did not build; see the vite output above."
  echo "$explorer_hash" > dist/explorer/.source-hash
fi

if [ "${1:-}" = "--browser" ]; then
  chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
  missing=()
  [ -x "$chromium" ] || missing+=(chromium)
  if ! { command -v fc-list >/dev/null && fc-list :lang=zh family | grep -q .; }; then missing+=(fonts-noto-cjk); fi
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
      echo "setup: installing ${missing[*]} for the browser tests (apt-get) …"
      export DEBIAN_FRONTEND=noninteractive
      apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null \
        || { apt-get update >/dev/null && apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null; } \
        || fail "apt-get could not install ${missing[*]}."
    elif [ ! -x "$chromium" ]; then
      echo "setup: the browser tests need Chromium at $chromium: install it with 'sudo apt-get install chromium fonts-noto-cjk' (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary." >&2
    else
      echo "setup: no CJK font found; screenshots will show boxes for Chinese text. Install one with 'sudo apt-get install fonts-noto-cjk'." >&2
    fi
  fi
fi
