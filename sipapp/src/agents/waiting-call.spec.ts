import type Srf from 'drachtio-srf';
import type { BusRequests } from '@hotline/infra/bus';
import { createLogger } from '@hotline/infra/telemetry';
import { AgentPhones } from './agent-phones';
import { WaitingCall, type BridgeableMedia } from './waiting-call';

/**
 * TEST DOUBLES, thin: srf's `createUAC` as a phone that answers each INVITE with the status the test
 * sets (no SIP is sent), and a bus that answers routing's settings and records the commands. The
 * calls with real srf, SIP and routing are in e2e/src/agent-bridge.e2e-spec.ts.
 */
function harness(phoneStatus: number) {
  const invites: string[] = [];
  const commands: Array<{ type: string; id: string; data: unknown }> = [];
  const srf = {
    createUAC: (uri: string) => {
      invites.push(uri);
      return Promise.reject(Object.assign(new Error(`${phoneStatus}`), { status: phoneStatus }));
    },
  } as unknown as Srf;
  const bus = {
    query: () =>
      Promise.resolve({
        agents: [
          { agentId: 'agent-1', skills: {}, queues: [], chatCapacity: 0, sipAddress: 'sip:8001@10.0.0.5' },
        ],
      }),
    command: (definition: { type: string }, id: string, data: unknown) => {
      commands.push({ type: definition.type, id, data });
      return Promise.resolve({});
    },
  } as unknown as BusRequests;
  const media: BridgeableMedia = {
    farSideSdp: 'v=0\r\n',
    connect: () => Promise.resolve(),
    disconnect: () => Promise.resolve(),
    untilHangup: () => new Promise<never>(() => undefined),
    forgetKeys: () => undefined,
    hold: () => Promise.resolve(),
    resume: () => Promise.resolve(),
    startMusic: () => Promise.resolve(),
    stopMusic: () => Promise.resolve(),
    cutPrompt: () => Promise.resolve(),
  };
  const logger = createLogger({ service: 'test', level: 'silent' });
  const call = new WaitingCall(
    { srf, bus, phones: new AgentPhones(bus), logger },
    'call-1',
    'ivr-call-1',
    media,
    '13912345678',
  );
  const settled = () => new Promise((resolve) => setTimeout(resolve, 20));
  return { call, invites, commands, settled };
}

describe('a caller waiting for an agent', () => {
  it('rings the offered agent’s phone once, however often the same offer comes', async () => {
    const { call, invites, settled } = harness(487);
    call.offered('offer-1', ['agent-1']);
    call.offered('offer-1', ['agent-1']);
    await settled();
    call.offered('offer-1', ['agent-1']);
    await settled();
    expect(invites).toEqual(['sip:8001@10.0.0.5']);
  });

  it('declines the offer for the agent when their phone is busy', async () => {
    const { call, commands, settled } = harness(486);
    call.offered('offer-1', ['agent-1']);
    await settled();
    expect(commands).toEqual([
      {
        type: 'DeclineOffer',
        id: 'ivr-decline-offer-1-0',
        data: { agentId: 'agent-1', contactId: 'ivr-call-1' },
      },
    ]);
  });

  it('sends nothing when the phone cannot be reached: the router’s offer timeout counts the miss', async () => {
    const { call, commands, invites, settled } = harness(480);
    call.offered('offer-1', ['agent-1']);
    await settled();
    expect(invites).toHaveLength(1);
    expect(commands).toEqual([]);
  });

  it('rings nothing for an agent without a phone', async () => {
    const { call, invites, settled } = harness(200);
    call.offered('offer-1', ['agent-2']);
    await settled();
    expect(invites).toEqual([]);
  });
});
