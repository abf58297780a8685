import { ValidationError } from '@hotline/contracts';
import { sqliteDialect } from '../sqlite/sqlite-dialect';
import { NumberedParams } from './sql-params';
import { translateFilter } from './translate-filter';
import { translatePipeline } from './translate-pipeline';
import { translateUpdate } from './translate-update';
import { UnsupportedOperatorError } from './unsupported-operator.error';

const scope = sqliteDialect.scope('doc');

/** The error `call` throws. */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}
const source = { select: () => 'SELECT doc, NULL AS ord FROM t' };

function filter(f: Record<string, unknown>): { sql: string; values: unknown[] } {
  const params = new NumberedParams();
  return { sql: translateFilter(f, scope, params), values: params.values };
}

describe('translateFilter', () => {
  it('numbers its parameters so that fragments may be built out of order', () => {
    const { sql, values } = filter({ status: 'open', priority: { $gte: 3 } });
    expect(values).toEqual(['open', 3]);
    expect(sql).toContain('?1');
    expect(sql).toContain('?2');
    expect(sql.indexOf('?1')).toBeLessThan(sql.indexOf('?2'));
  });

  it('keeps a number bound out of strings and a string bound out of numbers', () => {
    expect(filter({ priority: { $gt: 2 } }).sql).toContain(`json_extract(doc, '$.priority') < ''`);
    expect(filter({ dueAt: { $lt: '2024' } }).sql).toContain(`json_extract(doc, '$.dueAt') >= ''`);
  });

  it('negates with null taken as false, as a missing field is', () => {
    expect(filter({ status: { $ne: 'open' } }).sql).toMatch(/^NOT coalesce\(/);
  });

  it('matches an empty filter with an always-true predicate', () => {
    expect(filter({}).sql).toBe('1 = 1');
  });

  it('refuses a comparison with an object value, naming the operator', () => {
    const call = () => filter({ a: { $gt: { b: 1 } } });
    expect(call).toThrow(UnsupportedOperatorError);
    expect(thrown(call)).toMatchObject({ field: 'filter.a', operator: '$gt' });
  });

  it('refuses an operator it does not know, as a ValidationError naming it', () => {
    let error: unknown;
    try {
      filter({ a: { $near: [1, 2] } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'filter.a.$near', operator: '$near', code: 'UNSUPPORTED_OPERATOR' });
  });
});

describe('translateUpdate', () => {
  it('sets, increments and unsets in one expression over the old document', () => {
    const params = new NumberedParams();
    const { document, conflicts } = translateUpdate(
      { $set: { a: 'x' }, $inc: { n: 2 }, $unset: { old: '' } },
      'doc',
      sqliteDialect,
      params,
    );
    expect(document).toMatch(/^jsonb_remove\(jsonb_set\(doc, '\$\.a', json\(\?1\), '\$\.n', coalesce/);
    expect(params.values).toEqual(['"x"', 2]);
    expect(conflicts).toEqual([{ field: 'update.$inc.n', predicate: expect.stringContaining('json_type') }]);
  });

  it('applies $setOnInsert only when inserting', () => {
    const update = { $set: { a: 1 }, $setOnInsert: { created: 'now' } };
    expect(translateUpdate(update, 'doc', sqliteDialect, new NumberedParams()).document).not.toContain(
      'created',
    );
    expect(translateUpdate(update, 'doc', sqliteDialect, new NumberedParams(), true).document).toContain(
      'created',
    );
  });

  it('refuses an operator outside the subset, naming it', () => {
    expect(
      thrown(() =>
        translateUpdate({ $rename: { a: 'b' } } as never, 'doc', sqliteDialect, new NumberedParams()),
      ),
    ).toMatchObject({ operator: '$rename', field: 'update.$rename' });
  });
});

describe('translatePipeline', () => {
  const pipeline = (stages: Array<Record<string, unknown>>) =>
    translatePipeline(stages, source, sqliteDialect, new NumberedParams());

  it('numbers rows at a $sort so that later stages keep the order', () => {
    const sql = pipeline([{ $project: { n: 1 } }, { $sort: { n: -1 } }, { $limit: 2 }]);
    expect(sql).toContain('row_number() OVER (ORDER BY');
    expect(sql).toMatch(/ORDER BY s\.ord$/);
  });

  it('groups with GROUP BY and keeps empty input empty', () => {
    const sql = pipeline([{ $group: { _id: '$districtId', n: { $sum: 1 } } }]);
    expect(sql).toContain('GROUP BY');
    expect(sql).toContain('HAVING count(*) > 0');
  });

  it('refuses a $project expression and a literal $group _id, naming the operator', () => {
    expect(thrown(() => pipeline([{ $project: { x: { $concat: ['$a', '$b'] } } }]))).toMatchObject({
      operator: '$concat',
      field: 'pipeline[0].$project.x',
    });
    expect(() => pipeline([{ $group: { _id: 'all', n: { $sum: 1 } } }])).toThrow(UnsupportedOperatorError);
    expect(thrown(() => pipeline([{ $lookup: {} }]))).toMatchObject({ operator: '$lookup' });
  });
});
