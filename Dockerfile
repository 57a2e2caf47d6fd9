# syntax=docker/dockerfile:1
#
# Image of the report service. Two stages:
#   build   — installs every dependency and compiles TypeScript to dist/src/** and dist/migrations/**
#   runtime — production dependencies only, the compiled JavaScript and the OpenAPI examples, run as the unprivileged `node` user
#
# The same image runs the server (the default command) and the migrations:
#   docker run --rm -e DATABASE_URL=postgres://… IMAGE node dist/src/migrate.js
#
# DATABASE_URL is required in a container. The embedded Postgres meant for laptops (`embedded-postgres`,
# a development dependency) is not in the image: without DATABASE_URL the container exits at once,
# saying that DATABASE_URL must name a Postgres server.
#
# The Node version is the one package.json's `node` devDependency pins, which CI tests on: change both together.

# ---------------------------------------------------------------------------------------------------
FROM node:24.21.0-bookworm-slim AS build
WORKDIR /app

# Dependencies first, so that editing the sources does not invalidate this layer. --ignore-scripts: the
# compiler needs no install step (those of the dev tools fetch a Node and Postgres binaries the build
# does not use), and tsc runs on the image's own Node.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN ./node_modules/.bin/tsc -p tsconfig.build.json

# ---------------------------------------------------------------------------------------------------
FROM node:24.21.0-bookworm-slim AS runtime
WORKDIR /app

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000

# Production dependencies only (no embedded Postgres, no dev tools); nothing among them has an install step.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# dist/src/db/migrate.js finds its migrations at ../../migrations, i.e. dist/migrations.
COPY --from=build /app/dist ./dist
# The examples the service puts on its OpenAPI document, read from openapi/ beside package.json.
COPY openapi/examples.json ./openapi/examples.json

USER node
EXPOSE 3000

# Liveness only: /healthz does not touch the database. Slim images have no curl, so Node asks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Not `npm start`: its prestart step would try to rebuild with dev tools that are not installed.
# node as PID 1 is fine here: close-with-grace handles SIGTERM/SIGINT and closes the pool.
CMD ["node", "dist/src/server.js"]
