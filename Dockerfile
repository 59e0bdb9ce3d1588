# A seeded Cisco Cyber Vision Center emulator. Build: docker build -t ccv-emulator .
# Run: docker run -p 8443:8443 -p 8080:8080 -v ccv-data:/data ccv-emulator
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
COPY --from=build /app/dist ./dist
COPY package.json ./
COPY seeds ./seeds
COPY fixtures ./fixtures
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME /data
EXPOSE 8443 8080
HEALTHCHECK --interval=10s --timeout=3s --start-period=120s \
  CMD node -e "fetch('http://127.0.0.1:8080/_emulator/health').then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# As `npm start`: a small young generation keeps the serving RSS lower (README, Performance).
CMD ["node", "--max-semi-space-size=4", "dist/cli/main.js"]
