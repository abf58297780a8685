/**
 * A mixed command load on the workflow (dispatch → sign → reply per case) at a fixed rate, over the
 * bus of the run mode, then a count of the events in the store proving that every acknowledged
 * command was applied exactly once. A share of the commands is sent twice with the same command id,
 * as a client retrying after a lost reply would: the repeat must append nothing.
 */
import { randomUUID } from 'node:crypto';
import { WORKFLOW_SERVICE, commandSubject, type RecordedEvent } from '@hotline/contracts';
import type { EventStore } from '@hotline/infra/event-store';
import type { ClientProxy } from '@nestjs/microservices';
import { firstValueFrom } from 'rxjs';

export interface LoadOptions {
  client: ClientProxy;
  store: EventStore;
  /** Commands per second the generator offers. */
  rate: number;
  seconds: number;
  /** Share of commands repeated with the same id. */
  repeatShare?: number;
}

export interface LoadResult {
  offered: number;
  acknowledged: number;
  repeats: number;
  failed: number;
  seconds: number;
  latenciesMs: number[];
  /** Acknowledged commands whose event is missing from the store. */
  lost: number;
  /** Events in the store beyond one per acknowledged command. */
  appliedTwice: number;
  /** Events of commands whose reply never came (a timeout): applied once, but unconfirmed. */
  unacknowledgedApplied: number;
}

const STEPS = ['DispatchCase', 'SignCase', 'SubmitCaseReply'] as const;
const EVENT_OF = {
  DispatchCase: 'CaseDispatched',
  SignCase: 'CaseSigned',
  SubmitCaseReply: 'CaseReplied',
} as const;
const agent = { id: 'bench-agent', role: 'agent' };
const center = { id: 'bench-center', role: 'center' };
const unit = { id: 'bench-clerk', role: 'unit', unitId: 'gulou-dongjie' };

const envelope = (
  type: string,
  data: Record<string, unknown>,
  actor: Record<string, unknown>,
  commandId = randomUUID(),
) => ({
  commandId,
  type,
  data,
  metadata: { correlationId: commandId, actor, districtId: 'gulou' },
});

const send = (client: ClientProxy, type: string, payload: unknown): Promise<unknown> =>
  firstValueFrom(client.send(commandSubject(WORKFLOW_SERVICE, type), payload));

export const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** Registers the cases the load works on (not measured), `concurrency` at a time. */
export async function registerCases(client: ClientProxy, count: number, concurrency = 32): Promise<string[]> {
  const ids = Array.from({ length: count }, () => `load-${randomUUID()}`);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < ids.length; i = next++) {
      const data = {
        caseId: ids[i],
        type: 'complaint',
        categoryCode: '030101',
        content: '夜间施工噪声扰民',
        citizen: { name: '市民', phone: '13800138000' },
        channel: 'phone',
      };
      await send(client, 'RegisterCase', envelope('RegisterCase', data, agent));
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return ids;
}

export async function runCommandLoad(caseIds: string[], options: LoadOptions): Promise<LoadResult> {
  const { client, rate, seconds } = options;
  const repeatShare = options.repeatShare ?? 0.02;
  const ready = caseIds.map((caseId) => ({ caseId, step: 0 }));
  const acknowledged = new Map<string, string>(); // commandId → case id
  const latenciesMs: number[] = [];
  let offered = 0;
  let repeats = 0;
  let failed = 0;
  const inFlight = new Set<Promise<void>>();

  const fire = (item: { caseId: string; step: number }): void => {
    const type = STEPS[item.step];
    if (type === undefined) return;
    const data =
      type === 'DispatchCase'
        ? { caseId: item.caseId, leadUnitId: 'gulou-dongjie' }
        : type === 'SignCase'
          ? { caseId: item.caseId }
          : { caseId: item.caseId, result: '已处理' };
    const payload = envelope(type, data, type === 'DispatchCase' ? center : unit);
    offered++;
    const started = performance.now();
    const request = send(client, type, payload).then(
      async () => {
        latenciesMs.push(performance.now() - started);
        acknowledged.set(payload.commandId, `${item.caseId}|${EVENT_OF[type]}`);
        if (Math.random() < repeatShare) {
          repeats++;
          // A repeat that times out under overload is a failure to count, not a crash of the run.
          const again = (await send(client, type, payload).catch(() => undefined)) as
            { idempotent?: boolean } | undefined;
          if (again?.idempotent !== true) failed++;
        }
        item.step++;
        if (item.step < STEPS.length) ready.push(item);
      },
      () => {
        failed++;
      },
    );
    const tracked = request.finally(() => inFlight.delete(tracked));
    inFlight.add(tracked);
  };

  // Open loop: the offered count follows the clock, not the ticks, so a busy event loop cannot slow it.
  const start = performance.now();
  for (let elapsed = 0; elapsed < seconds * 1000; elapsed = performance.now() - start) {
    const target = Math.floor((rate * elapsed) / 1000);
    while (offered < target && ready.length > 0) fire(ready.shift() as { caseId: string; step: number });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await Promise.all([...inFlight]);
  const elapsed = (performance.now() - start) / 1000;

  const stored = new Map<string, number>();
  for (const caseId of caseIds) {
    const events: RecordedEvent[] = await options.store.readStream(`case-${caseId}`);
    for (const event of events)
      stored.set(`${caseId}|${event.type}`, (stored.get(`${caseId}|${event.type}`) ?? 0) + 1);
  }
  const expected = new Map<string, number>();
  for (const key of acknowledged.values()) expected.set(key, (expected.get(key) ?? 0) + 1);
  let lost = 0;
  let appliedTwice = 0;
  for (const [key, count] of expected) {
    const actual = stored.get(key) ?? 0;
    if (actual < count) lost += count - actual;
    if (actual > count) appliedTwice += actual - count;
  }
  let unacknowledgedApplied = 0;
  for (const [key, count] of stored) {
    if (!expected.has(key) && !key.endsWith('|CaseRegistered')) unacknowledgedApplied += count;
  }
  latenciesMs.sort((a, b) => a - b);
  return {
    offered,
    acknowledged: acknowledged.size,
    repeats,
    failed,
    seconds: elapsed,
    latenciesMs,
    lost,
    appliedTwice,
    unacknowledgedApplied,
  };
}
