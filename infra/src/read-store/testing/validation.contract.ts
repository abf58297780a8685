import { ValidationError } from '@hotline/contracts';
import type { ReadCollection } from '../read-store.port';
import { rejection, type ContractContext } from './contract-context';

type Call = (c: ReadCollection) => Promise<unknown>;

/** Each call is malformed in one place; the error must name that place. */
const MALFORMED: [string, Call, string][] = [
  ['an unknown query operator', (c) => c.find({ a: { $foo: 1 } }), 'filter.a.$foo'],
  ['a top-level $where', (c) => c.find({ $where: 'true' }), 'filter.$where'],
  ['operators mixed with fields', (c) => c.countDocuments({ a: { $gt: 1, b: 2 } }), 'filter.a'],
  ['an undefined filter value', (c) => c.deleteMany({ a: undefined }), 'filter.a'],
  ['a $ field in $set', (c) => c.updateOne({ _id: 'a' }, { $set: { $bad: 1 } }), 'update.$set.$bad'],
  [
    'an unsupported update operator',
    (c) => c.updateOne({ _id: 'a' }, { $rename: { v: 'w' } } as never),
    'update.$rename',
  ],
  ['a replacement document', (c) => c.updateOne({ _id: 'a' }, { v: 2 } as never), 'update.v'],
  ['a change of _id', (c) => c.updateOne({ _id: 'a' }, { $set: { _id: 'b' } }), 'update.$set._id'],
  [
    'overlapping paths',
    (c) => c.updateOne({ _id: 'a' }, { $set: { stats: {} }, $inc: { 'stats.n': 1 } }),
    'update.$inc.stats.n',
  ],
  ['NaN in $set', (c) => c.updateOne({ _id: 'a' }, { $set: { v: NaN } }), 'update.$set.v'],
  ['a string in $inc', (c) => c.updateOne({ _id: 'a' }, { $inc: { v: '1' as never } }), 'update.$inc.v'],
  ['a Date in a document', (c) => c.insertOne({ _id: 'd', at: new Date() }), 'document.at'],
  ['a Map nested in a document', (c) => c.insertOne({ _id: 'd', x: { m: new Map() } }), 'document.x.m'],
  ['an object _id', (c) => c.insertOne({ _id: { a: 1 } as never }), 'document._id'],
  ['a dotted field name', (c) => c.insertOne({ _id: 'd', 'a.b': 1 }), 'document.a.b'],
  ['a sort direction of 2', (c) => c.find({}, { sort: { v: 2 as never } }), 'options.sort.v'],
  ['a limit of 0', (c) => c.find({}, { limit: 0 }), 'options.limit'],
  ['a negative skip', (c) => c.find({}, { skip: -1 }), 'options.skip'],
  ['a mixed projection', (c) => c.find({}, { projection: { a: 1, b: 0 } }), 'options.projection'],
  ['an unknown option', (c) => c.find({}, { hint: 'x' } as never), 'options.hint'],
  ['an unsupported stage', (c) => c.aggregate([{ $match: {} }, { $lookup: {} }]), 'pipeline[1].$lookup'],
  [
    'an accumulator other than $sum',
    (c) => c.aggregate([{ $group: { _id: null, n: { $avg: '$v' } } }]),
    'pipeline[0].$group.n',
  ],
  [
    'a second accumulator',
    (c) => c.aggregate([{ $group: { _id: null, n: { $sum: 1 }, t: { $sum: '$v' } } }]),
    'pipeline[0].$group.t',
  ],
  [
    'a malformed bulk operation',
    (c) => c.bulkWrite([{ insertOne: { document: { _id: 'z' } } }, { replaceOne: {} } as never]),
    'operations[1].replaceOne',
  ],
  [
    'an upsert flag that is not boolean',
    (c) => c.updateOne({ _id: 'a' }, { $set: { v: 1 } }, { upsert: 'yes' as never }),
    'options.upsert',
  ],
  ['an index direction of 0', (c) => c.createIndex({ v: 0 as never }), 'key.v'],
];

export function validationContract({ fresh, store }: ContractContext): void {
  let c: ReadCollection;

  beforeAll(async () => {
    c = fresh();
    await c.insertOne({ _id: 'a', v: 1 });
  });

  it.each(MALFORMED)(
    'rejects %s with a ValidationError naming the field, changing nothing',
    async (_what, call, field) => {
      const error = await rejection(call(c));
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ kind: 'validation', field });
      expect(await c.find({})).toEqual([{ _id: 'a', v: 1 }]);
    },
  );

  it('rejects a collection name that is not a plain name', () => {
    expect(() => store().collection('bad name')).toThrow(ValidationError);
    expect(() => store().collection('$cmd')).toThrow(ValidationError);
    expect(() => store().collection('system.users')).toThrow(ValidationError);
  });
}
