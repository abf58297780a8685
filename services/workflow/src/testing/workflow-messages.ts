import { randomUUID } from 'node:crypto';
import type { ErrorBody } from '@hotline/contracts';

/** Message builders for tests that talk to the workflow over the bus. */
export type Body = Record<string, unknown>;

export const actors = {
  agent: { id: 'agent-7', role: 'agent' },
  center: { id: 'center-2', role: 'center' },
  dongjie: { id: 'dongjie-clerk', role: 'unit', unitId: 'gulou-dongjie' },
};

/** A command envelope as the gateway sends it. */
export const envelope = (
  type: string,
  data: Body,
  actor: Body = actors.agent,
  districtId = 'gulou',
  commandId = randomUUID(),
) => ({ commandId, type, data, metadata: { correlationId: commandId, actor, districtId } });

export const viewer = (actor: Body = actors.center, districtId = 'city') => ({ actor, districtId });

/** The data of a RegisterCase command, a noise complaint in Taijiang unless overridden. */
export const registration = (caseId: string, overrides: Body = {}): Body => ({
  caseId,
  type: 'complaint',
  categoryCode: '030101',
  content: '夜间施工噪声扰民',
  citizen: { name: '李女士', phone: '+86 139-0000-1234' },
  channel: 'web',
  place: { address: '台江区洋中街道莲花路8号' },
  ...overrides,
});

/** The error a request is answered with; fails the test when it succeeds. */
export async function refused(request: Promise<unknown>): Promise<ErrorBody> {
  const outcome = await request.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  if (!('error' in outcome)) throw new Error(`expected a refusal, got ${JSON.stringify(outcome.value)}`);
  return outcome.error as ErrorBody;
}

/** Waits until `/health/ready` of `url` answers 200. */
export async function untilReady(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await fetch(`${url}/health/ready`)).status !== 200) {
    if (Date.now() > deadline) throw new Error(`${url} did not become ready`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
