# One image for every service; the service is chosen by argument:
#   docker run registry.example/hotline/platform:0.1.0 services/workflow/src/main.js
# The build stage runs scripts/image/build-rootfs.mjs, which CI also runs without a container engine
# (scripts/image/image.int-spec.ts starts a service from its output).

FROM docker.io/library/node:24.21.0-bookworm-slim AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund \
 && node scripts/image/build-rootfs.mjs /app

FROM docker.io/library/node:24.21.0-bookworm-slim
ENV NODE_ENV=production \
    HOTLINE_MODE=distributed \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=3000
WORKDIR /app
# Owned by root and read-only to the service's user: the pod runs with a read-only root filesystem
# and writes only to its volumes (/tmp).
COPY --from=build /app /app
USER 10001:10001
EXPOSE 3000
ENTRYPOINT ["node", "--enable-source-maps"]
CMD ["services/gateway/src/main.js"]
