// `npm run start:distributed`: the services as separate processes on NATS (JetStream), the
// PostgreSQL event store and FerretDB/MongoDB, configured from the environment. Each child is the
// same `services/<name>/src/main.ts` a Kubernetes pod runs.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { up } from './engines.mjs';

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
  { name: 'gateway', port: gatewayPort },
];

const children = new Map();
let stopping = false;

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children.values()) child.kill('SIGTERM');
  const timer = setTimeout(() => process.exit(code), 30_000);
  timer.unref();
  const check = setInterval(() => {
    if ([...children.values()].every((c) => c.exitCode !== null || c.signalCode !== null)) {
      clearInterval(check);
      process.exit(code);
    }
  }, 100);
}

for (const service of services) {
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', `services/${service.name}/src/main.ts`],
    {
      cwd: root,
      env: { ...env, ...shared, HTTP_PORT: String(service.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.set(service.name, child);
  const prefix = (stream, out) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) out.write(`${service.name.padEnd(9)}| ${line}\n`);
    });
  };
  prefix(child.stdout, process.stdout);
  prefix(child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (stopping) return;
    console.error(`${service.name} exited (${signal ?? code}); stopping the others`);
    stopAll(1);
  });
  console.log(
    `started ${service.name} (pid ${child.pid}) — health on http://${shared.HTTP_HOST}:${service.port}/health/ready`,
  );
}
console.log(`\nHotline (distributed) gateway: http://localhost:${gatewayPort}\n`);

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
