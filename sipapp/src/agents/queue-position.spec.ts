import type { BusRequests } from '@hotline/infra/bus';
import { createLogger } from '@hotline/infra/telemetry';
import { QueuePositionAnnouncer } from './queue-position';

/** TEST DOUBLE, thin: a bus that answers routing's `GetContactPlace` with the places the test sets. */
function announcer(places: unknown[], everyMs: number) {
  const asked: unknown[] = [];
  const heard: number[] = [];
  const bus = {
    query: (definition: { type: string }, params: unknown) => {
      asked.push({ type: definition.type, params });
      const place = places.shift();
      return place instanceof Error ? Promise.reject(place) : Promise.resolve(place);
    },
  } as unknown as BusRequests;
  const logger = createLogger({ service: 'test', level: 'silent' });
  const it = new QueuePositionAnnouncer({ bus, logger }, 'ivr-call-1', everyMs, (ahead) => heard.push(ahead));
  return { it, asked, heard };
}
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the queue position a waiting caller hears', () => {
  it('tells the callers ahead (position 1 is next) on entry and again at each interval', async () => {
    const {
      it: a,
      asked,
      heard,
    } = announcer(
      [
        { status: 'waiting', position: 3 },
        { status: 'waiting', position: 1 },
      ],
      40,
    );
    a.start();
    await pause(60);
    a.stop();
    expect(asked[0]).toEqual({ type: 'GetContactPlace', params: { contactId: 'ivr-call-1' } });
    expect(heard).toEqual([2, 0]);
  });

  it('tells nothing once the contact is with an agent, or when routing does not answer', async () => {
    const { it: a, heard } = announcer([new Error('no responders'), { status: 'connected' }], 20);
    a.start();
    await pause(50);
    a.stop();
    expect(heard).toEqual([]);
  });

  it('tells once with no interval, and nothing after it stopped', async () => {
    const {
      it: a,
      asked,
      heard,
    } = announcer(
      [
        { status: 'waiting', position: 5 },
        { status: 'waiting', position: 4 },
      ],
      0,
    );
    a.start();
    await pause(30);
    a.stop();
    a.start();
    await pause(30);
    expect(heard).toEqual([4]);
    expect(asked).toHaveLength(1);
  });
});
