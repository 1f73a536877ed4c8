# The API (and the ingestion of the bundled corpus at start-up) for users with Docker.
# Neo4j runs in its own container (docker-compose.yml), so no Java is needed here.

# Build stage: the C++ toolchain nodejieba compiles with, every npm dependency,
# the explorer bundle; then the development dependencies are dropped.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# nodejieba builds from source against the image's own Node headers (never downloaded).
RUN npm_config_nodedir=/usr/local npm ci --no-audit --no-fund \
 && node -e 'require("nodejieba")'
COPY . .
RUN npx vite build --config explorer/vite.config.ts \
 && npm prune --omit=dev --no-audit --no-fund \
 && touch node_modules/.kg-installed

# Run stage: Node and the built application only, owned by root and run as the
# unprivileged `node` user; node itself is PID 1 (it handles SIGTERM: the
# server and the driver are closed before it exits).
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=build /app /app
USER node
EXPOSE 4000
# Ready when Neo4j answers (GET /readiness: 200, or 503 within 2 s); the first
# start ingests the bundled corpus before it serves, hence the start period.
HEALTHCHECK --interval=15s --timeout=5s --start-period=180s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/readiness').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "app/main.ts"]
