import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { DuplicateKeyError } from '../read-store.errors';
import { SqliteReadStore } from './sqlite-read-store';

/**
 * A file as the first layout wrote it: side tables of array elements only, three triggers per
 * indexed path, an expression index per declared index (`tag_1` plain, `no_1` unique).
 */
const FORMAT_1 = `
CREATE TABLE _rs_collections (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE);
CREATE TABLE _rs_indexes (
  id INTEGER PRIMARY KEY AUTOINCREMENT, collection INTEGER NOT NULL, name TEXT NOT NULL,
  key TEXT NOT NULL, is_unique INTEGER NOT NULL, UNIQUE (collection, name));
CREATE TABLE _rs_sides (
  id INTEGER PRIMARY KEY AUTOINCREMENT, collection INTEGER NOT NULL, path TEXT NOT NULL, UNIQUE (collection, path));
INSERT INTO _rs_collections VALUES (1, 'cases');
CREATE TABLE d1 (id NOT NULL PRIMARY KEY, doc BLOB NOT NULL);
INSERT INTO _rs_indexes VALUES (1, 1, 'tag_1', '{"tag":1}', 0), (2, 1, 'no_1', '{"no":1}', 1);
CREATE INDEX d1_x1 ON d1 (json_extract(doc, '$.tag'));
CREATE UNIQUE INDEX d1_x2 ON d1 (json_extract(doc, '$.no'));
INSERT INTO _rs_sides VALUES (1, 1, 'tag'), (2, 1, 'no');
CREATE TABLE d1_s1 (rid INTEGER NOT NULL, v);
CREATE INDEX d1_s1_v ON d1_s1 (v, rid);
CREATE INDEX d1_s1_r ON d1_s1 (rid);
CREATE TRIGGER d1_s1_ai AFTER INSERT ON d1 WHEN json_type(new.doc, '$.tag') = 'array'
  BEGIN INSERT INTO d1_s1 (rid, v) SELECT new.rowid, e.atom FROM json_each(new.doc, '$.tag') AS e; END;
CREATE TABLE d1_s2 (rid INTEGER NOT NULL, v);
INSERT INTO d1 VALUES ('a', jsonb('{"_id":"a","tag":"x","no":1}')), ('b', jsonb('{"_id":"b","tag":["x","y"],"no":2}')),
  ('c', jsonb('{"_id":"c","no":3}'));
`;

describe('a SQLite read-store file of the first layout', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotline-read-store-migration-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is brought to the side-table layout when opened: same answers, writes kept in step, uniqueness enforced', async () => {
    const path = join(dir, 'read-models.db');
    const old = new DatabaseSync(path);
    old.exec(FORMAT_1);
    old.close();

    const store = SqliteReadStore.open({ path });
    const cases = store.collection('cases');
    const ids = async (filter: Record<string, unknown>) =>
      (await cases.find(filter, { sort: { _id: 1 } })).map((d) => d._id);
    expect(await ids({ tag: 'x' })).toEqual(['a', 'b']);
    expect(await ids({ no: { $gte: 2 } })).toEqual(['b', 'c']);
    expect(await cases.countDocuments({ tag: 'y' })).toBe(1);
    await cases.insertOne({ _id: 'd', tag: ['y', 'z'], no: 4 });
    await cases.updateOne({ _id: 'a' }, { $set: { tag: 'y' } });
    expect(await ids({ tag: 'y' })).toEqual(['a', 'b', 'd']);
    await expect(cases.insertOne({ _id: 'e', no: 1 })).rejects.toBeInstanceOf(DuplicateKeyError);
    expect((await cases.listIndexes()).map((i) => i.name).sort()).toEqual(['_id_', 'no_1', 'tag_1']);
    await store.close();

    const file = new DatabaseSync(path);
    const names = (type: string) =>
      (
        file.prepare('SELECT name FROM sqlite_master WHERE type = ? ORDER BY name').all(type) as Array<{
          name: string;
        }>
      ).map((row) => row.name);
    expect(names('trigger')).toEqual(['d1_ad', 'd1_ai', 'd1_au']);
    expect(names('index').filter((name) => !name.startsWith('sqlite_'))).toEqual([
      'd1_s1_r',
      'd1_s2_r',
      'd1_x2',
    ]);
    file.close();

    // Opened again: nothing left to migrate, the answers stay.
    const again = SqliteReadStore.open({ path });
    expect(await again.collection('cases').countDocuments({ tag: 'y' })).toBe(3);
    await again.close();
  });
});
