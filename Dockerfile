# syntax=docker/dockerfile:1
#
# Image of the report service. Two stages:
#   build   — installs every dependency and compiles TypeScript to dist/src/** and dist/migrations/**
#   runtime — production dependencies only, the compiled JavaScript, run as the unprivileged `node` user
#
# The same image runs the server (the default command) and the migrations:
#   docker run --rm -e DATABASE_URL=postgres://… IMAGE node dist/src/migrate.js
#
# DATABASE_URL is expected in a container. Without it the service would start the embedded
# Postgres meant for laptops, whose files would live in the container's writable layer (and whose
# install step is skipped here), so always point the image at a real Postgres server.

# ---------------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Dependencies first, so that editing the sources does not invalidate this layer.
COPY package.json package-lock.json ./
RUN npm ci

COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build

# ---------------------------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
WORKDIR /app

ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000

# --ignore-scripts: nothing the server needs has an install step (the embedded Postgres's does, and
# it is not used in a container).
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts && npm cache clean --force

# dist/src/db/migrate.js finds its migrations at ../../migrations, i.e. dist/migrations.
COPY --from=build /app/dist ./dist

USER node
EXPOSE 3000

# Liveness only: /healthz does not touch the database. Slim images have no curl, so Node asks.
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]

# Not `npm start`: its prestart step would try to rebuild with dev tools that are not installed.
# node as PID 1 is fine here: close-with-grace handles SIGTERM/SIGINT and closes the pool.
CMD ["node", "dist/src/server.js"]
