import { randomUUID } from 'node:crypto';
import type { EventStore } from '../event-store.port';
import { describeAppendContract } from './append.contract';
import { describeBadInputContract } from './bad-input.contract';
import type { ContractFixture } from './contract-fixture';
import { describeReadContract } from './read.contract';
import { describeSubscribeContract } from './subscribe.contract';

export type EventStoreFactory = () => Promise<{ store: EventStore; cleanup(): Promise<void> }>;

/**
 * The guarantees of the EventStore port (ARCHITECTURE.md, "Ports"), run against one adapter:
 * `describeEventStoreContract('SQLite', async () => ({ store, cleanup }))`. One store serves the
 * whole suite; tests keep apart by unique stream names, so a shared server works too.
 */
export function describeEventStoreContract(adapterName: string, factory: EventStoreFactory): void {
  describe(`EventStore contract [${adapterName}]`, () => {
    let created: Awaited<ReturnType<EventStoreFactory>> | undefined;
    const run = randomUUID().slice(0, 8);
    let counter = 0;
    const fixture = (): ContractFixture => {
      if (created === undefined) throw new Error('the event store factory has not run');
      return { store: created.store, unique: (name) => `ct${run}-${name}-${++counter}` };
    };

    beforeAll(async () => {
      created = await factory();
    });
    afterAll(async () => {
      await created?.cleanup();
    });

    describeAppendContract(fixture);
    describeReadContract(fixture);
    describeSubscribeContract(fixture);
    describeBadInputContract(fixture);
  });
}
