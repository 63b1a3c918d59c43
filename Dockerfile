# syntax=docker/dockerfile:1

# Build stage: full install (compilers for better-sqlite3's native addon, TypeScript), then compile.
FROM node:24-bookworm-slim AS build
RUN apt-get update \
  && apt-get install -y --no-install-recommends python3 make g++ \
  && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build \
  # Production dependencies only, with native addons built here, for the runtime stage to copy.
  && npm ci --omit=dev

# Runtime stage: no compilers, no dev dependencies, no TypeScript sources; runs as `node`.
FROM node:24-bookworm-slim
ENV NODE_ENV=production \
  DATABASE_PATH=/data/hubtrends.db
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY bin ./bin
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
# The bot; `docker run ... node bin/hubtrends.js stats` runs the CLI, `node dist/register-commands.js` registers.
CMD ["node", "dist/index.js"]
