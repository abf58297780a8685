import { WORKFLOW_SERVICE, commandSubject, querySubject } from '@hotline/contracts';
import { prefixStream, prefixSubject } from './deployment-prefix';
import { federationPublishGrant, type FederatedDistrict } from './federation-permissions';
import { DEFAULT_TOPOLOGY, type JetStreamTopology } from './jetstream-topology';

/**
 * Who may publish and subscribe to what on a deployment's NATS (ADR 0006), as the nats-server
 * `authorization` block it becomes (natsAuthorizationConfig). The rules:
 *  - a service answers only its own commands and queries, and may call any service's;
 *  - only the relay publishes events (the internal stream) and the integration feed; no other user,
 *    the gateway included, can put an event on the bus;
 *  - services read the internal stream through JetStream consumers and may manage streams and
 *    consumers of their own deployment only, never purge or delete them;
 *  - municipal IT reads the integration feed and nothing else: no commands, no internal events;
 *  - each user receives replies on an inbox of its own (`_INBOX_<user>.`), so no user can listen to
 *    another's replies (the default `_INBOX.>` would be shared by everyone);
 *  - a city's workflow, which runs the bridges to its district platforms (ADR 0011), reaches each
 *    district only through the bridge's commands, query and durable consumer
 *    (federation-permissions.ts); the district's users reach nothing of the city.
 */
export interface NatsUserPermissions {
  user: string;
  publish: string[];
  subscribe: string[];
  /** Responders may publish to the reply subject of a request they received, once. */
  allowResponses: boolean;
}

export interface NatsPermissionsOptions {
  /** The services that answer commands and queries (the relay answers none). */
  services: string[];
  /** HOTLINE_BUS_PREFIX of the deployment. */
  prefix?: string;
  topology?: JetStreamTopology;
  /** The relay's integration feed (RELAY_INTEGRATION_STREAM, RELAY_INTEGRATION_SUBJECT_PREFIX). */
  integration?: { stream: string; subjectPrefix: string };
  /**
   * Put before every user name (`sanmen-workflow`), so the users of several deployments sharing one
   * NATS server do not collide; the service's NATS_USER is then `<userPrefix><service>`.
   */
  userPrefix?: string;
  /** The city's district platforms (WORKFLOW_FEDERATION_DISTRICTS), reached by the workflow's bridges. */
  federation?: FederatedDistrict[];
}

export const RELAY_USER = 'relay';
/** Where the sipapp's replicas pass rtpengine's DTMF keys to each other (sipapp/src/media/dtmf-relay.ts). */
export const DTMF_RELAY_SUBJECT = 'hotline.telephony.dtmf';
export const MUNICIPAL_IT_USER = 'municipal-it';

/** The inbox prefix of a user's connection (connectNats `inboxPrefix`). */
export const inboxPrefixOf = (user: string): string => `_INBOX_${user}`;

/** JetStream API subjects a consumer of `stream` needs: info, consumers, next, acks. */
const consumerApi = (stream: string): string[] => [
  '$JS.API.INFO',
  `$JS.API.STREAM.INFO.${stream}`,
  `$JS.API.CONSUMER.*.${stream}`,
  `$JS.API.CONSUMER.*.${stream}.>`,
  `$JS.API.CONSUMER.DURABLE.CREATE.${stream}.>`,
  `$JS.API.CONSUMER.MSG.NEXT.${stream}.>`,
  `$JS.ACK.${stream}.>`,
];

export function natsPermissions(options: NatsPermissionsOptions): NatsUserPermissions[] {
  const { prefix } = options;
  const userPrefix = options.userPrefix ?? '';
  const topology = options.topology ?? {
    eventsStream: prefixStream(prefix, DEFAULT_TOPOLOGY.eventsStream),
    dlqStream: prefixStream(prefix, DEFAULT_TOPOLOGY.dlqStream),
    eventsSubjectPrefix: prefixSubject(prefix, DEFAULT_TOPOLOGY.eventsSubjectPrefix),
    dlqSubjectPrefix: prefixSubject(prefix, DEFAULT_TOPOLOGY.dlqSubjectPrefix),
  };
  const anyCommand = prefixSubject(prefix, commandSubject('x', 'x').replace(/x\.x$/, '*.*'));
  const anyQuery = prefixSubject(prefix, querySubject('x', 'x').replace(/x\.x$/, '*.*'));
  const streams = [topology.eventsStream, topology.dlqStream];
  // Every service opens the streams it needs (ensureEventStreams) and consumes the events; a dead
  // letter is published to the DLQ stream with a JetStream ack.
  const platformUser = (user: string): NatsUserPermissions => ({
    user,
    publish: [
      anyCommand,
      anyQuery,
      `${topology.dlqSubjectPrefix}.>`,
      ...streams.flatMap((s) => [`$JS.API.STREAM.CREATE.${s}`, `$JS.API.STREAM.UPDATE.${s}`]),
      ...streams.flatMap(consumerApi),
      `$JS.API.STREAM.MSG.GET.${topology.eventsStream}`,
      `$JS.API.DIRECT.GET.${topology.eventsStream}`,
      `$JS.API.DIRECT.GET.${topology.eventsStream}.>`,
    ].filter(unique),
    subscribe: [`${inboxPrefixOf(user)}.>`],
    allowResponses: true,
  });
  const users = options.services.map((service) => {
    const user = platformUser(`${userPrefix}${service}`);
    user.subscribe.push(
      prefixSubject(prefix, commandSubject(service, 'x').replace(/x$/, '*')),
      prefixSubject(prefix, querySubject(service, 'x').replace(/x$/, '*')),
    );
    // The bridges run in the city's workflow service (services/workflow/src/federation).
    if (service === 'sipapp') {
      const keys = prefixSubject(prefix, DTMF_RELAY_SUBJECT);
      user.publish.push(keys);
      user.subscribe.push(keys);
    }
    if (service === WORKFLOW_SERVICE)
      for (const district of options.federation ?? []) user.publish.push(...federationPublishGrant(district));
    return user;
  });
  const relay = platformUser(`${userPrefix}${RELAY_USER}`);
  relay.publish.push(`${topology.eventsSubjectPrefix}.>`);
  users.push(relay);
  if (options.integration) {
    const { stream, subjectPrefix } = options.integration;
    relay.publish.push(
      `${subjectPrefix}.>`,
      `$JS.API.STREAM.CREATE.${stream}`,
      `$JS.API.STREAM.UPDATE.${stream}`,
      ...consumerApi(stream),
    );
    const municipalIt = `${userPrefix}${MUNICIPAL_IT_USER}`;
    users.push({
      user: municipalIt,
      publish: consumerApi(stream),
      subscribe: [`${inboxPrefixOf(municipalIt)}.>`],
      allowResponses: false,
    });
  }
  for (const user of users) user.publish = user.publish.filter(unique);
  return users;
}

const unique = (value: string, index: number, all: string[]): boolean => all.indexOf(value) === index;

/**
 * The nats-server `authorization { users: [...] }` block for the permissions (NATS's configuration
 * format accepts JSON). Passwords by user; a bcrypt hash (`nats server passwd`) in production.
 */
export function natsAuthorizationConfig(
  users: NatsUserPermissions[],
  passwords: Record<string, string>,
): string {
  const entries = users.map((u) => {
    const password = passwords[u.user];
    if (password === undefined) throw new Error(`no password for NATS user ${u.user}`);
    return {
      user: u.user,
      password,
      permissions: {
        publish: { allow: u.publish },
        subscribe: { allow: u.subscribe },
        ...(u.allowResponses ? { allow_responses: true } : {}),
      },
    };
  });
  return `authorization ${JSON.stringify({ users: entries }, null, 2)}\n`;
}
