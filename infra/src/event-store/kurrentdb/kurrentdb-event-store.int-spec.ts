import { ValidationError } from '@hotline/contracts';
import { describeEventStoreContract, thrownBy } from '../testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';

const url = process.env.KURRENTDB_URL;

if (url === undefined || url === '') {
  describe.skip('EventStore contract [KurrentDB] — skipped: KURRENTDB_URL not set', () => {
    it.todo('runs the EventStore contract against KurrentDB when KURRENTDB_URL is set');
  });
} else {
  describeEventStoreContract('KurrentDB', () => {
    const store = KurrentDbEventStore.connect(url);
    return Promise.resolve({ store, cleanup: () => store.close() });
  });
}

// Needs no server; it also keeps this file in Jest's report when the contract above is skipped.
describe('KurrentDbEventStore', () => {
  it('refuses an empty connection string naming the field', () => {
    const error = thrownBy(() => KurrentDbEventStore.connect(''));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'connectionString' });
  });
});
