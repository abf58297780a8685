/**
 * `npm run nats:accounts -- [--prefix <HOTLINE_BUS_PREFIX>] [--integration <stream>]
 * [--user-prefix <prefix->] [--federation <unitId>=<busPrefix>,…]`: prints the nats-server
 * `authorization` block of a deployment (one user per service, the relay, municipal IT when an
 * integration feed is named), from the same table the permissions tests enforce
 * (infra/src/bus/nats-permissions.ts). `--user-prefix` names the users of a deployment that shares
 * the server with others (`sanmen-workflow`); `--federation`, the city's WORKFLOW_FEDERATION_DISTRICTS,
 * lets the city's workflow reach each district platform as its bridge needs (ADR 0011). Each password comes from NATS_PASSWORD_<USER> (upper case,
 * `-` as `_`) in the environment; put the output in the `nats-accounts` Secret (k8s/engines/nats).
 */
import { natsAuthorizationConfig, natsPermissions } from '@hotline/infra/bus';
import { serviceCatalog } from '@hotline/infra/platform';

/** One user per service of the catalog; the relay has its own (`RELAY_USER`). */
const SERVICES = serviceCatalog.map((service) => service.name).filter((name) => name !== 'relay');

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : undefined;
};

const prefix = option('prefix');
const stream = option('integration');
const userPrefix = option('user-prefix');
const federation = (option('federation') ?? '')
  .split(',')
  .filter((entry) => entry.trim() !== '')
  .map((entry) => {
    const [unitId = '', busPrefix = ''] = entry.trim().split('=');
    if (!unitId || !busPrefix) {
      console.error(`nats:accounts: --federation ${entry}: must be <unitId>=<busPrefix>`);
      process.exit(2);
    }
    return { unitId, busPrefix };
  });
const users = natsPermissions({
  services: SERVICES,
  ...(prefix ? { prefix } : {}),
  ...(userPrefix ? { userPrefix } : {}),
  ...(federation.length > 0 ? { federation } : {}),
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
