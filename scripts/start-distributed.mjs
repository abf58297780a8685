// `npm run start:distributed`: the services as separate processes on NATS (JetStream), the
// PostgreSQL event store and FerretDB/MongoDB, configured from the environment. Each child is the
// same `services/<name>/src/main.ts` a Kubernetes pod runs; a child that dies is started again
// (scripts/supervise.mjs) while the others keep serving.
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { up } from './engines.mjs';
import { supervise } from './supervise.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const env = process.env;
const engines = await up({});
const gatewayPort = Number(env.HTTP_PORT ?? env.PORT ?? 3000);
const shared = {
  HOTLINE_MODE: 'distributed',
  NATS_URL: env.NATS_URL ?? engines.natsUrl,
  EVENT_STORE: env.EVENT_STORE ?? 'postgres',
  POSTGRES_URL: env.POSTGRES_URL ?? engines.postgresUrl,
  READ_STORE: env.READ_STORE ?? 'mongodb',
  MONGODB_URL: env.MONGODB_URL ?? engines.ferretdbUrl,
  HTTP_HOST: env.HTTP_HOST ?? '127.0.0.1',
  // Distributed gateways need a shared session key; a local run makes one (sessions end at restart).
  HOTLINE_SESSION_SECRET: env.HOTLINE_SESSION_SECRET ?? randomBytes(32).toString('base64url'),
};
// The services of the platform and the HTTP port of each one's health/metrics (the gateway's also serves the API).
const services = [
  { name: 'relay', port: gatewayPort + 102 },
  { name: 'workflow', port: gatewayPort + 101 },
  { name: 'intake', port: gatewayPort + 103 },
  { name: 'routing', port: gatewayPort + 104 },
  { name: 'reporting', port: gatewayPort + 109 },
  // The telephone edge lives at the top level (sipapp/), as the design has it.
  { name: 'sipapp', port: gatewayPort + 105, main: 'sipapp/src/main.ts' },
  { name: 'escalation', port: gatewayPort + 106 },
  { name: 'survey', port: gatewayPort + 105 },
  { name: 'gateway', port: gatewayPort },
];

const child = (name, script) => ({
  name,
  command: process.execPath,
  args: ['-r', '@swc-node/register', script],
  cwd: root,
  env: { ...env, ...shared },
});
supervise([
  ...services.map((service) => ({
    ...child(service.name, service.main ?? `services/${service.name}/src/main.ts`),
    env: { ...env, ...shared, HTTP_PORT: String(service.port) },
    note: `— health on http://${shared.HTTP_HOST}:${service.port}/health/ready`,
  })),
  // HOTLINE_DEMO=on: a one-shot job writes the demo city into the event store; the services follow.
  ...(env.HOTLINE_DEMO === 'on'
    ? [{ ...child('demo', 'services/embedded/src/demo/seed-demo-city.ts'), once: true }]
    : []),
]);
console.log(`\nHotline (distributed) gateway: http://localhost:${gatewayPort}\n`);
