import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import type { Filter, FindOptions, ReadDocument } from '../read-store.port';
import type { SqliteCollection } from './sqlite-collection';
import { SqliteReadStore } from './sqlite-read-store';
import { installTriggers } from './sqlite-sides';

const COMPOUND_STEP = /^SEARCH m USING COVERING INDEX d\d+_c\d+_k \(a=\?\)$/;

/** Documents with array and scalar categories, ties, missing and null sort values, booleans. */
function documents(n: number): ReadDocument[] {
  const cats = ['a', 'b', 'c', 'd'];
  return Array.from({ length: n }, (_, i) => {
    const at =
      i % 11 === 0 ? undefined : i % 13 === 0 ? null : i % 17 === 0 ? true : `2026-03-${10 + (i % 7)}`;
    return {
      _id: `k${String((i * 37) % n).padStart(3, '0')}`,
      cat: i % 5 === 0 ? [cats[i % 4], cats[(i + 1) % 4], cats[i % 4]] : cats[i % 4],
      n: i % 3,
      note: i % 2 === 0 ? 'even' : 'odd',
      tag: i % 6 === 0 ? 'some' : i % 40 === 1 ? 'rare' : 'other',
      ...(at === undefined ? {} : { at }),
    };
  });
}

/** Filters and pages; whether a compound table gives the order (while the sort path holds scalars only). */
const PAGES: Array<[Filter, FindOptions, boolean?]> = [
  [{ cat: 'a' }, { sort: { at: 1, _id: 1 }, skip: 5, limit: 10 }],
  [{ cat: 'b' }, { sort: { at: -1, _id: -1 }, skip: 0, limit: 7 }],
  [{ cat: { $eq: 'c' } }, { sort: { at: -1, _id: -1 }, limit: 50 }],
  [
    { cat: 'a', n: 1 },
    { sort: { at: 1, _id: 1 }, skip: 2, limit: 5 },
  ],
  [{ $and: [{ cat: 'd' }, { note: 'odd' }] }, { sort: { at: -1, _id: -1 }, skip: 3, limit: 4 }],
  [{ cat: 'b' }, { sort: { at: 1 } }],
  [{ cat: 'zz' }, { sort: { at: 1, _id: 1 }, limit: 5 }],
  // `tag: 'some'` matches fewer documents than `cat: 'b'`, but not four times fewer: the category drives.
  [
    { cat: 'b', tag: 'some' },
    { sort: { at: -1, _id: -1 }, skip: 1, limit: 3 },
  ],
  // `tag: 'rare'` is far more selective: it drives, and its matches are sorted.
  [{ cat: 'b', tag: 'rare' }, { sort: { at: -1, _id: -1 }, limit: 3 }, false],
  // An `_id` in the other direction, or a range instead of an equality: sorted as before.
  [{ cat: 'a' }, { sort: { at: 1, _id: -1 }, limit: 5 }, false],
  [{ cat: { $gte: 'c' } }, { sort: { at: 1, _id: 1 }, limit: 5 }, false],
];

describe('compound side tables of the SQLite read store', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-read-store-compounds-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const ids = (docs: ReadDocument[]) => docs.map((d) => d._id);

  /** The paged answers of `paired` equal those of `plain` (same documents, single-field indexes only). */
  async function expectSamePages(paired: SqliteCollection, plain: SqliteCollection, inOrder: boolean) {
    for (const [filter, options, ordered = true] of PAGES) {
      const [mine, theirs] = [await paired.find(filter, options), await plain.find(filter, options)];
      if (options.sort && '_id' in options.sort) expect(ids(mine)).toEqual(ids(theirs));
      else {
        // Ties in any order: the same documents and the same sequence of sort values.
        expect(ids(mine).sort()).toEqual(ids(theirs).sort());
        expect(mine.map((d) => d.at ?? null)).toEqual(theirs.map((d) => d.at ?? null));
      }
      const plan = await paired.explain(filter, options);
      expect([JSON.stringify(filter), plan.find.some((step) => COMPOUND_STEP.test(step))]).toEqual([
        JSON.stringify(filter),
        inOrder && ordered,
      ]);
    }
  }

  it('gives the pages a sort of every match gives, in index order, and follows inserts, updates and deletes', async () => {
    const store = SqliteReadStore.open({ path: join(dir, 'pages.db') });
    const paired = store.collection('paired') as unknown as SqliteCollection;
    const plain = store.collection('plain') as unknown as SqliteCollection;
    for (const c of [paired, plain]) {
      await c.createIndex({ cat: 1 });
      await c.createIndex({ at: 1 });
      await c.createIndex({ tag: 1 });
      await c.insertMany(documents(120));
    }
    await paired.createIndex({ cat: 1, at: 1 });
    await expectSamePages(paired, plain, true);

    for (const c of [paired, plain]) {
      await c.updateMany({ n: 2 }, { $set: { cat: 'b' } });
      await c.updateMany({ note: 'odd', n: 0 }, { $set: { at: '2026-03-12' } });
      await c.updateOne({ _id: 'k005' }, { $unset: { at: '' } });
      await c.deleteMany({ n: 1, note: 'even' });
      await c.insertOne({ _id: 'k999', cat: ['a', 'b'], at: '2026-03-12' });
    }
    await expectSamePages(paired, plain, true);

    // An array at the sort path: the compound order no longer says how a document sorts.
    for (const c of [paired, plain]) await c.updateOne({ _id: 'k999' }, { $set: { at: ['x', 'y'] } });
    await expectSamePages(paired, plain, false);

    await paired.dropIndex('cat_1_at_1');
    const file = new DatabaseSync(join(dir, 'pages.db'));
    expect(file.prepare("SELECT name FROM sqlite_master WHERE name GLOB 'd*_c*'").all()).toEqual([]);
    file.close();
    await store.close();
  });

  it('is built on first open for a two-field index of a file written before compound tables', async () => {
    const path = join(dir, 'older.db');
    const store = SqliteReadStore.open({ path });
    const paired = store.collection('paired') as unknown as SqliteCollection;
    await paired.createIndex({ cat: 1, at: 1 });
    await paired.insertMany(documents(60));
    const before = ids(await paired.find({ cat: 'c' }, { sort: { at: -1, _id: -1 } }));
    await store.close();

    // The previous layout: no compound tables, no catalogue of them, triggers without them.
    const old = new DatabaseSync(path);
    for (const { name } of old
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name GLOB 'd*_c*'")
      .all() as Array<{ name: string }>)
      old.exec(`DROP TABLE ${name}`);
    old.exec('DROP TABLE _rs_compounds');
    const sides = old.prepare('SELECT id, path FROM _rs_sides ORDER BY id').all() as Array<{
      id: number;
      path: string;
    }>;
    installTriggers(
      old,
      'd1',
      sides.map((side) => ({ ...side, table: `d1_s${side.id}` })),
    );
    old.exec(`INSERT INTO d1 (id, doc) VALUES ('n1', jsonb('{"_id":"n1","cat":"c","at":"2026-04-01"}'))`);
    old.close();

    const again = SqliteReadStore.open({ path });
    const cases = again.collection('paired') as unknown as SqliteCollection;
    const options: FindOptions = { sort: { at: -1, _id: -1 }, skip: 2, limit: 6 };
    expect(ids(await cases.find({ cat: 'c' }, options))).toEqual(['n1', ...before].slice(2, 8));
    expect((await cases.explain({ cat: 'c' }, options)).find.some((step) => COMPOUND_STEP.test(step))).toBe(
      true,
    );
    await cases.insertOne({ _id: 'n2', cat: 'c', at: '2026-04-02' });
    // Booleans sort after strings, as in MongoDB: the new case comes after the ones with `true`.
    const now = ids(await cases.find({ cat: 'c' }, { sort: { at: -1, _id: -1 } }));
    expect(now.filter((id) => String(id).startsWith('n'))).toEqual(['n2', 'n1']);
    // The same as a sort of every match (`$in` is not read in compound order).
    expect(now).toEqual(ids(await cases.find({ cat: { $in: ['c'] } }, { sort: { at: -1, _id: -1 } })));
    await again.close();
  });
});
