# The API (and the ingestion of the bundled corpus at start-up) for users with Docker.
# Neo4j runs in its own container (docker-compose.yml), so no Java is needed here.
FROM node:20-bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
# nodejieba builds from source against the image's own Node headers.
RUN npm_config_nodedir=/usr/local npm ci --no-audit --no-fund && touch node_modules/.kg-installed
COPY . .
ENV HOST=0.0.0.0 PORT=4000
EXPOSE 4000
CMD ["npm", "start"]
