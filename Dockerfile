# syntax=docker/dockerfile:1
# Node 24 LTS, pinned; .ci/run reads this line and runs the tests under the same release.
ARG NODE_IMAGE=node:24.21.0-bookworm-slim

# Build stage: compile TypeScript with the dev dependencies. The build context is only what
# .dockerignore lets through: package files, tsconfig, src/ (without the sandbox) and bin/.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build

# Runtime stage: production dependencies and the compiled bot only, as a non-root user. No
# sandbox, no local Slack, no tests, no TypeScript toolchain.
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force
COPY --from=build /app/dist/src ./dist/src
COPY bin ./bin
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=3s CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# Node receives SIGTERM directly (no npm or shell in between), so the drain on shutdown runs.
# --max-old-space-size: with a heap ceiling of 2 GB or more (V8's default on a host with several GB
# of memory) V8 lets the heap grow to four times what is live between full collections: 60 MB live
# sat at 400-500 MB RSS. Under 2 GB the factor is smaller (docs/benchmarks.md, bench:soak). 1 GB is
# far above the live heap, not a tight limit; lower it for a container with less memory.
# --max-semi-space-size: Node 24 reserves a larger young generation; 4 MB kept RSS near the heap in
# use (about 100 MB more otherwise) with no visible CPU cost in bench:soak.
CMD ["node", "--max-old-space-size=1024", "--max-semi-space-size=4", "dist/src/main.js"]
