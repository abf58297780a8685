/**
 * `npm run nats:accounts -- [--prefix <HOTLINE_BUS_PREFIX>] [--integration <stream>]`: prints the
 * nats-server `authorization` block of a deployment (one user per service, the relay, municipal IT
 * when an integration feed is named), from the same table the permissions test enforces
 * (infra/src/bus/nats-permissions.ts). Each password comes from NATS_PASSWORD_<USER> (upper case,
 * `-` as `_`) in the environment; put the output in the `nats-accounts` Secret (k8s/engines/nats).
 */
import { natsAuthorizationConfig, natsPermissions } from '@hotline/infra/bus';

const SERVICES = ['gateway', 'workflow', 'intake', 'routing', 'escalation', 'survey', 'reporting', 'sipapp'];

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};

const prefix = option('prefix');
const stream = option('integration');
const users = natsPermissions({
  services: SERVICES,
  ...(prefix ? { prefix } : {}),
  ...(stream
    ? {
        integration: {
          stream: prefix ? `${prefix}_${stream}` : stream,
          subjectPrefix: prefix ? `${prefix}.hotline.int` : 'hotline.int',
        },
      }
    : {}),
});
const variable = (user: string): string => `NATS_PASSWORD_${user.toUpperCase().replaceAll('-', '_')}`;
const missing = users.map((u) => variable(u.user)).filter((name) => !process.env[name]);
if (missing.length > 0) {
  console.error(`nats:accounts: set ${missing.join(', ')} (one password per user)`);
  process.exit(2);
}
process.stdout.write(
  natsAuthorizationConfig(
    users,
    Object.fromEntries(users.map((u) => [u.user, process.env[variable(u.user)] ?? ''])),
  ),
);
