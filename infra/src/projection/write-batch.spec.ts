import type { BulkWriteOperation } from '../read-store/read-store.port';
import { SqliteReadStore } from '../read-store';
import { WriteBatch, type QueuedWrite } from './write-batch';

const set = (
  id: string,
  position: number,
  fields: Record<string, unknown>,
  guarded = false,
): QueuedWrite => ({
  collection: 'views',
  id,
  position,
  guarded,
  op: { updateOne: { filter: { _id: id }, update: { $set: { ...fields, _pos: position } }, upsert: true } },
});

/** The store behind the batch, recording every bulk write it receives. */
function recordingStore() {
  const store = SqliteReadStore.inMemory();
  const bulks: BulkWriteOperation[][] = [];
  const collection = store.collection('views');
  const original = collection.bulkWrite.bind(collection);
  collection.bulkWrite = (ops) => {
    bulks.push(ops);
    return original(ops);
  };
  return {
    store: { ...store, collection: () => collection } as unknown as SqliteReadStore,
    bulks,
    collection,
  };
}

describe('WriteBatch', () => {
  it("folds a document's successive $set upserts into one write, ending as the writes one by one would", async () => {
    const { store, bulks, collection } = recordingStore();
    const batch = new WriteBatch(store);
    batch.add(set('a', 1, { status: 'registered', n: 1 }));
    batch.add(set('b', 2, { status: 'registered' }));
    batch.add(set('a', 3, { status: 'dispatched', unit: 'gulou' }));
    batch.add(set('a', 4, { status: 'signed' }));
    await batch.flush();
    expect(bulks).toHaveLength(1);
    expect(bulks[0]).toHaveLength(2);
    expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', status: 'signed', n: 1, unit: 'gulou', _pos: 4 },
      { _id: 'b', status: 'registered', _pos: 2 },
    ]);
  });

  it('folds counters ($set and $inc), summing the increments; in the replay window only once each is judged by its position', async () => {
    const { store, bulks, collection } = recordingStore();
    const batch = new WriteBatch(store);
    const count = (position: number, inc: Record<string, number>, guarded = false): QueuedWrite => ({
      collection: 'views',
      id: 'cell',
      position,
      guarded,
      op: {
        updateOne: {
          filter: { _id: 'cell' },
          update: { $set: { day: 'd', _pos: position }, $inc: inc },
          upsert: true,
        },
      },
    });
    batch.add(count(1, { received: 1 }));
    batch.add(count(2, { received: 1, completed: 1 }));
    batch.add(count(3, { completed: 1 }));
    await batch.flush();
    expect(bulks[0]).toHaveLength(1);
    expect(await collection.findOne({ _id: 'cell' })).toEqual({
      _id: 'cell',
      day: 'd',
      received: 2,
      completed: 2,
      _pos: 3,
    });
    // In the replay window each counter is judged by its own position, then what is left is folded.
    await collection.updateOne({ _id: 'cell' }, { $set: { _pos: 4 } });
    batch.add(count(4, { received: 1 }, true));
    batch.add(count(5, { received: 1 }, true));
    batch.add(count(6, { received: 1, completed: 1 }, true));
    await batch.flush();
    expect(bulks[1]).toHaveLength(1);
    expect(await collection.findOne({ _id: 'cell' })).toEqual({
      _id: 'cell',
      day: 'd',
      received: 4,
      completed: 3,
      _pos: 6,
    });
  });

  it('folds appends ($push) in order outside the replay window, ending as the writes one by one would', async () => {
    const { store, bulks, collection } = recordingStore();
    const oneByOne = store.collection('views');
    const write = (position: number, update: Record<string, unknown>): QueuedWrite => ({
      collection: 'views',
      id: 'a',
      position,
      op: {
        updateOne: {
          filter: { _id: 'a' },
          update: { ...update, $set: { ...(update.$set as object), _pos: position } },
          upsert: true,
        },
      },
    });
    const writes = [
      write(1, { $set: { status: 'open' }, $inc: { events: 1 } }),
      write(2, { $push: { notes: 'first' }, $inc: { events: 1 } }),
      write(3, { $push: { notes: { $each: ['second', { by: 'agent' }] } }, $inc: { events: 1 } }),
      write(4, { $push: { notes: { text: 'an object, pushed whole' }, log: 1 }, $set: { status: 'closed' } }),
    ];
    const batch = new WriteBatch(store);
    for (const w of writes) batch.add(w);
    await batch.flush();
    expect(bulks[0]).toHaveLength(1);
    const folded = await collection.findOne({ _id: 'a' });
    await collection.deleteOne({ _id: 'a' });
    for (const w of writes) await oneByOne.bulkWrite([w.op]);
    expect(folded).toEqual(await oneByOne.findOne({ _id: 'a' }));
    expect(folded).toMatchObject({
      notes: ['first', 'second', { by: 'agent' }, { text: 'an object, pushed whole' }],
      events: 3,
    });
    // An append and a $set inside the same field stay apart.
    batch.add(write(5, { $push: { notes: 'x' } }));
    batch.add(write(6, { $set: { 'notes.0': 'y' } }));
    await batch.flush();
    expect(bulks[bulks.length - 1]).toHaveLength(2);
  });

  it('never folds other operators, or paths inside one another', async () => {
    const { store, bulks } = recordingStore();
    const batch = new WriteBatch(store);
    batch.add(set('a', 1, { x: { y: 1 } }));
    batch.add(set('a', 2, { 'x.y': 2 }));
    batch.add({
      collection: 'views',
      id: 'a',
      position: 3,
      op: { updateOne: { filter: { _id: 'a' }, update: { $push: { z: 1 } }, upsert: true } },
    });
    batch.add({
      collection: 'views',
      id: 'a',
      position: 4,
      op: { updateOne: { filter: { _id: 'a' }, update: { $inc: { count: 1 } }, upsert: true } },
    });
    await batch.flush();
    expect(bulks[0]).toHaveLength(4);
  });

  it('drops a guarded write whose document is stamped at or past it, reading stamps by _id only', async () => {
    const { store, bulks, collection } = recordingStore();
    await collection.insertMany([
      { _id: 'a', n: 5, _pos: 7 },
      { _id: 'b', n: 1, _pos: 2 },
    ]);
    const lookups: unknown[] = [];
    const findOne = collection.findOne.bind(collection);
    collection.findOne = (filter, options) => {
      lookups.push(filter);
      return findOne(filter, options);
    };
    const batch = new WriteBatch(store);
    const inc = (id: string, position: number, guarded: boolean): QueuedWrite => ({
      collection: 'views',
      id,
      position,
      guarded,
      op: {
        updateOne: {
          filter: { _id: id },
          update: { $inc: { n: 1 }, $set: { _pos: position } },
          upsert: true,
        },
      },
    });
    batch.add(inc('a', 6, true));
    batch.add(inc('b', 6, true));
    batch.add(inc('c', 6, true));
    batch.add(inc('a', 8, false));
    await batch.flush();
    expect(lookups).toEqual(expect.arrayContaining([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }]));
    expect(lookups).toHaveLength(3);
    expect(JSON.stringify(bulks)).not.toContain('$not');
    expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', n: 6, _pos: 8 },
      { _id: 'b', n: 2, _pos: 6 },
      { _id: 'c', n: 1, _pos: 6 },
    ]);
  });

  it('looks each document up once per replay window, then knows its stamp from what it wrote', async () => {
    const { store, bulks, collection } = recordingStore();
    await collection.insertMany([{ _id: 'a', n: 5, _pos: 7 }]);
    const lookups: unknown[] = [];
    const findOne = collection.findOne.bind(collection);
    collection.findOne = (filter, options) => {
      lookups.push(filter);
      return findOne(filter, options);
    };
    const batch = new WriteBatch(store);
    batch.add(set('a', 6, { n: 6 }, true));
    batch.add(set('b', 6, { n: 1 }, true));
    await batch.flush();
    batch.add(set('a', 7, { n: 7 }, true));
    batch.add(set('b', 7, { n: 2 }, true));
    batch.add(set('a', 8, { n: 8 }, true));
    await batch.flush();
    expect(lookups).toHaveLength(2);
    expect(bulks.map((ops) => ops.length)).toEqual([1, 2]);
    expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', n: 8, _pos: 8 },
      { _id: 'b', n: 2, _pos: 7 },
    ]);
    // Past the window (no guarded write in a flush) the stamps are forgotten; a new window reads again.
    batch.add(set('c', 9, { n: 1 }));
    await batch.flush();
    batch.add(set('a', 8, { n: 80 }, true));
    await batch.flush();
    expect(lookups).toHaveLength(3);
    expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 8, _pos: 8 });
  });

  it('forgets the stamps of a window past the number it keeps, and reads them again', async () => {
    const { store, collection } = recordingStore();
    const lookups: unknown[] = [];
    const findOne = collection.findOne.bind(collection);
    collection.findOne = (filter, options) => {
      lookups.push(filter);
      return findOne(filter, options);
    };
    const batch = new WriteBatch(store, 2);
    batch.add(set('a', 1, { n: 1 }, true));
    batch.add(set('b', 2, { n: 1 }, true));
    await batch.flush();
    batch.add(set('a', 3, { n: 2 }, true));
    await batch.flush();
    expect(lookups).toHaveLength(2);
    batch.add(set('c', 4, { n: 1 }, true));
    await batch.flush();
    batch.add(set('a', 3, { n: 20 }, true));
    await batch.flush();
    expect(lookups).toEqual([{ _id: 'a' }, { _id: 'b' }, { _id: 'c' }, { _id: 'a' }]);
    expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 2, _pos: 3 });
  });

  it('applies again what the replay window writes after a delete, as the first run did', async () => {
    const { store, collection } = recordingStore();
    // The first run: a at 3, deleted at 4, written again at 5 ($inc from nothing), all stored.
    await collection.insertMany([{ _id: 'a', n: 1, _pos: 5 }]);
    const batch = new WriteBatch(store);
    const inc = (position: number): QueuedWrite => ({
      collection: 'views',
      id: 'a',
      position,
      guarded: true,
      op: {
        updateOne: {
          filter: { _id: 'a' },
          update: { $inc: { n: 1 }, $set: { _pos: position } },
          upsert: true,
        },
      },
    });
    batch.add(inc(3));
    batch.add({ collection: 'views', id: 'a', op: { deleteOne: { filter: { _id: 'a' } } } });
    batch.add(inc(5));
    await batch.flush();
    expect(await collection.find({})).toEqual([{ _id: 'a', n: 1, _pos: 5 }]);
  });

  it('reads the stamps again after a failed write, whose writes may be stored', async () => {
    const { store, collection } = recordingStore();
    const lookups: unknown[] = [];
    const findOne = collection.findOne.bind(collection);
    collection.findOne = (filter, options) => {
      lookups.push(filter);
      return findOne(filter, options);
    };
    const bulkWrite = collection.bulkWrite.bind(collection);
    const inc = (position: number): QueuedWrite => ({
      collection: 'views',
      id: 'a',
      position,
      guarded: true,
      op: {
        updateOne: {
          filter: { _id: 'a' },
          update: { $inc: { n: 1 }, $set: { _pos: position } },
          upsert: true,
        },
      },
    });
    const batch = new WriteBatch(store);
    batch.add(inc(1));
    await batch.flush();
    // The store applies the write, but its answer is lost.
    collection.bulkWrite = async (ops) => {
      await bulkWrite(ops);
      throw new Error('connection lost');
    };
    batch.add(inc(2));
    await expect(batch.flush()).rejects.toThrow('connection lost');
    collection.bulkWrite = bulkWrite;
    batch.add(inc(2));
    await batch.flush();
    expect(lookups).toHaveLength(2);
    expect(await collection.findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 2, _pos: 2 });
  });

  it('takes back a folded write on rollback, restoring the write it was folded into', async () => {
    const { store, collection } = recordingStore();
    const batch = new WriteBatch(store);
    batch.add(set('a', 1, { status: 'registered' }));
    const mark = batch.mark();
    batch.add(set('a', 2, { status: 'dispatched' }));
    batch.add(set('c', 2, { status: 'new' }));
    batch.rollback(mark);
    batch.add(set('a', 3, { note: 'after the failed event' }));
    await batch.flush();
    expect(await collection.find({}, { sort: { _id: 1 } })).toEqual([
      { _id: 'a', status: 'registered', note: 'after the failed event', _pos: 3 },
    ]);
  });
});
