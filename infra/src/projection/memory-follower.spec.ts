import type { RecordedEvent } from '@hotline/contracts';
import { createLogger } from '../telemetry/create-logger';
import { eventsSource } from './events-source';
import { MemoryFollower } from './memory-follower';
import { caseEvents, recorded } from './testing/case-summary.fixture';

const logger = createLogger({ service: 'test', level: 'silent' });

const until = async (done: () => boolean): Promise<void> => {
  while (!done()) await new Promise((resolve) => setTimeout(resolve, 1));
};

describe('MemoryFollower', () => {
  const events = recorded(caseEvents(20));

  function follow(source = eventsSource(events), timeoutMs = 50) {
    const applied: RecordedEvent[] = [];
    const follower = new MemoryFollower({
      name: 'the test index',
      source,
      filter: {},
      logger,
      readAfterWriteTimeoutMs: timeoutMs,
      apply: (event) => applied.push(event),
    });
    return { follower, applied };
  }

  it('replays every event in order, then says it is live', async () => {
    const { follower, applied } = follow();
    follower.start();
    await until(() => follower.live);
    expect(applied.map((e) => e.position)).toEqual(events.map((e) => e.position));
    await follower.stop();
  });

  it('lets a reader wait for a position it wrote, and refuses one never reached', async () => {
    const { follower } = follow();
    follower.start();
    await expect(follower.waitFor(events.length)).resolves.toBeUndefined();
    await expect(follower.waitFor(events.length + 1)).rejects.toMatchObject({ code: 'READ_MODEL_BEHIND' });
    await follower.stop();
  });

  it('starts again after the source fails, from the last applied position', async () => {
    let starts = 0;
    const inner = eventsSource(events);
    const failingOnce = {
      headPosition: () => inner.headPosition(),
      start: (...args: Parameters<typeof inner.start>) => {
        starts += 1;
        if (starts === 1) {
          args[1].onError(new Error('connection lost'));
          return { stop: () => Promise.resolve() };
        }
        return inner.start(...args);
      },
    };
    const { follower, applied } = follow(failingOnce);
    follower.start();
    await until(() => follower.live);
    expect(starts).toBe(2);
    expect(applied).toHaveLength(events.length);
    await follower.stop();
  });
});
