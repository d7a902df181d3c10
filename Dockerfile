# syntax=docker/dockerfile:1.7
# Build:  docker build --build-arg BASE_PATH=/sagemaker -t sagemaker-dashboard .
# Run:    docker run -p 3000:3000 -e AWS_REGION=eu-west-1 -e AUTH_MODE=alb -e AUTH_ALB_ARN=... sagemaker-dashboard
ARG NODE_IMAGE=node:24.22.3-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Fixed at build time: Next.js compiles the base path into the routes and the client bundles.
ARG BASE_PATH=""
ENV NEXT_TELEMETRY_DISABLED=1 \
    NEXT_OUTPUT=standalone \
    BASE_PATH=${BASE_PATH}
COPY --from=deps /app/node_modules ./node_modules
COPY . .
RUN mkdir -p public && npx next build

FROM ${NODE_IMAGE} AS runner
WORKDIR /app
ARG BASE_PATH=""
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    HOSTNAME=0.0.0.0 \
    PORT=3000 \
    BASE_PATH=${BASE_PATH}
# Application files stay owned by root, so the non-root user cannot change them; only the cache is writable.
COPY --from=build /app/.next/standalone ./
COPY --from=build /app/.next/static ./.next/static
COPY --from=build /app/public ./public
RUN mkdir -p .next/cache && chown node:node .next/cache
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}${process.env.BASE_PATH}/api/health`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "server.js"]
