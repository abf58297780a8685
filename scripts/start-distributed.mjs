// `npm run start:distributed`: the services as separate processes on NATS (JetStream) and
// PostgreSQL (the event store and the read models), configured from the environment
// (READ_STORE=mongodb with MONGODB_URL for the MongoDB adapter). Each child is the
// same `services/<name>/src/main.ts` a Kubernetes pod runs; a child that dies is started again
// (scripts/supervise.mjs) while the others keep serving.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { up } from './engines.mjs';
import { supervise } from './supervise.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
// FerretDB only when the MongoDB adapter is chosen: the default needs NATS and PostgreSQL.
const mongo = env.READ_STORE === 'mongodb';
const engines = await up({ ferretdb: mongo && !env.MONGODB_URL });
const gatewayPort = Number(env.HTTP_PORT ?? env.PORT ?? 3000);
const shared = {
  HOTLINE_MODE: 'distributed',
  NATS_URL: env.NATS_URL ?? engines.natsUrl,
  EVENT_STORE: env.EVENT_STORE ?? 'postgres',
  POSTGRES_URL: env.POSTGRES_URL ?? engines.postgresUrl,
  READ_STORE: env.READ_STORE ?? 'postgres',
  ...(mongo ? { MONGODB_URL: env.MONGODB_URL ?? engines.ferretdbUrl } : {}),
  HTTP_HOST: env.HTTP_HOST ?? '127.0.0.1',
  // Distributed gateways need a shared session key; a local run makes one (sessions end at restart).
  HOTLINE_SESSION_SECRET: env.HOTLINE_SESSION_SECRET ?? randomBytes(32).toString('base64url'),
};
// The services of the platform (the one catalog the embedded runner and the k8s check read too) and
// the HTTP port of each one's health/metrics: the gateway's is the API's, the others' follow its
// position in the catalog (gateway + 101, + 102, …), so two services can never share one.
const catalog = JSON.parse(readFileSync(resolve(root, 'infra/src/platform/services.json'), 'utf8'));
const services = catalog.services.map((service, index) => ({
  ...service,
  port: service.name === 'gateway' ? gatewayPort : gatewayPort + 101 + index,
}));

const child = (name, script) => ({
  name,
  command: process.execPath,
  args: ['-r', '@swc-node/register', script],
  cwd: root,
  env: { ...env, ...shared },
});
supervise([
  ...services.map((service) => ({
    ...child(service.name, service.main),
    env: { ...env, ...shared, HTTP_PORT: String(service.port) },
    note: `— health on http://${shared.HTTP_HOST}:${service.port}/health/ready`,
  })),
  // HOTLINE_DEMO=on: a one-shot job writes the demo city into the event store; the services follow.
  ...(env.HOTLINE_DEMO === 'on'
    ? [{ ...child('demo', 'services/embedded/src/demo/seed-demo-city.ts'), once: true }]
    : []),
]);
console.log(`\nHotline (distributed) gateway: http://localhost:${gatewayPort}\n`);
