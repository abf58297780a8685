import type { ReadCollection, ReadDocument, ReadStore } from '../read-store.port';
import { aggregateContract } from './aggregate.contract';
import type { ContractContext } from './contract-context';
import { indexContract } from './indexes.contract';
import { queryContract } from './query.contract';
import { validationContract } from './validation.contract';
import { writeContract } from './write.contract';

/**
 * The ReadStore contract: every adapter runs these same expectations. `open` returns a store on a
 * database of its own (the suite drops it at the end and closes the store).
 */
export function describeReadStoreContract(adapterName: string, open: () => Promise<ReadStore>): void {
  describe(`ReadStore contract [${adapterName}]`, () => {
    let store: ReadStore | undefined;
    let counter = 0;
    const context: ContractContext = {
      store: () => {
        if (!store) throw new Error('the store did not open');
        return store;
      },
      fresh: <T extends ReadDocument = ReadDocument>(): ReadCollection<T> =>
        context.store().collection<T>(`c${++counter}`),
    };

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store?.dropDatabase();
      await store?.close();
    });

    describe('writes', () => writeContract(context));
    describe('queries', () => queryContract(context));
    describe('queries through indexes', () => queryContract(context, { indexed: true }));
    describe('aggregation', () => aggregateContract(context));
    describe('indexes and collections', () => indexContract(context));
    describe('malformed input', () => validationContract(context));
  });
}
