import { HotlineError } from '@hotline/contracts';
import { SqliteReadStore } from '../read-store/sqlite/sqlite-read-store';
import { eventsSource } from './events-source';
import { ProjectionRunner } from './projection-runner';
import { caseEvents, caseSummary, recorded } from './testing/case-summary.fixture';
import { waitForCheckpoint } from './wait-for-checkpoint';

describe('waitForCheckpoint', () => {
  it('returns once the runners stored the position; later, says READ_MODEL_BEHIND with only the caller’s position', async () => {
    const runner = new ProjectionRunner(caseSummary(), {
      store: SqliteReadStore.inMemory(),
      source: eventsSource(recorded(caseEvents(20, 5))),
    });
    await runner.start();
    await runner.waitUntilCaughtUp();
    await expect(waitForCheckpoint([runner], 20, 50, 'the case summary')).resolves.toBeUndefined();

    const behind = await waitForCheckpoint(runner, 21, 30, 'the case summary').catch((e: unknown) => e);
    expect(behind).toBeInstanceOf(HotlineError);
    expect(behind).toMatchObject({
      kind: 'unavailable',
      code: 'READ_MODEL_BEHIND',
      details: { position: 21 },
    });
    // How far the read model got is internal: no checkpoint in the answer.
    expect(JSON.stringify(behind)).not.toMatch(/checkpoint/i);
    expect(JSON.stringify((behind as HotlineError).details)).toBe('{"position":21}');
    await runner.stop();
  });
});
