# A seeded Cisco Cyber Vision Center emulator. Build: docker build -t ccv-emulator .
# Run: docker run -d --name ccv -p 8443:8443 -p 8080:8080 -v ccv-data:/data ccv-emulator
# Configure it with environment variables (-e, --env-file .env), not flags: the HEALTHCHECK reads them too.
FROM node:22-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 compiles from source when no prebuilt binary can be fetched.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY scripts ./scripts
COPY src ./src
RUN npm run build && npm prune --omit=dev

FROM node:22-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    CCV_HOST=0.0.0.0 \
    CCV_DB=/data/center.db
COPY --from=build /app/node_modules ./node_modules
# dist/ belongs to the user the server runs as: its first start writes the bundle's code cache
# there (dist/bundle/center.cjs.*.v8cache, src/cli/code-cache.ts), which later starts use.
COPY --from=build --chown=node:node /app/dist ./dist
COPY package.json ./
COPY seeds ./seeds
COPY fixtures ./fixtures
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8443 8080
# `health` reads the same variables as the server (CCV_HTTPS_PORT, CCV_HTTP_PORT, CCV_HOST,
# CCV_DB) and asks /_emulator/health on each listener that is on, HTTPS trusting the CA in /data.
# The start period covers a first seed: `large` takes 95 to 120 s on a 2-core host; 10 minutes
# leave room for a slower one (a start that answers sooner is healthy at once).
HEALTHCHECK --interval=10s --timeout=5s --start-period=600s --retries=3 \
  CMD ["node", "dist/bundle/main.js", "health"]
# As `npm start`: the bundle (scripts/bundle.mjs) starts faster than dist/cli/main.js, and node's
# flags, those of package.json's start script (README, "How a read gets its speed", says why; a
# test keeps the two alike), keep the RSS lower.
CMD ["node", "--max-semi-space-size=4", "--heap-growing-percent=100", "dist/bundle/main.js"]
