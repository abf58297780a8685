import type { SqlDialect, SqlParams, SqlScope, UpdateStep } from '../sql/sql-dialect';
import { SqliteDocumentScope } from './sqlite-field';
import { jsonPath, quoteIdentifier } from './sqlite-json-path';

/** The JSON of a json_each row (booleans and nulls from their type: `value` gives 1/0 and NULL). */
export const eachJson = (alias: string): string =>
  `CASE ${alias}.type WHEN 'true' THEN json('true') WHEN 'false' THEN json('false') WHEN 'null' THEN json('null') WHEN 'object' THEN json(${alias}.value) WHEN 'array' THEN json(${alias}.value) ELSE ${alias}.value END`;

/**
 * SQLite: documents are JSONB (SQLite's binary JSON: fields are read without parsing text);
 * json_extract/json_type read fields, jsonb_set/jsonb_remove/jsonb_insert update them, json_each
 * walks arrays, json_object builds pipeline rows, json() gives the text back.
 */
export const sqliteDialect: SqlDialect = {
  identifier: quoteIdentifier,

  scope(doc: string): SqlScope {
    return new SqliteDocumentScope(doc);
  },

  valueAt: (doc, path) => `(${doc} -> ${jsonPath(path)})`,

  numberAt: (doc, path) =>
    `(CASE WHEN json_type(${doc}, ${jsonPath(path)}) IN ('integer', 'real') THEN json_extract(${doc}, ${jsonPath(path)}) ELSE 0 END)`,

  literal: (json, params) => `json(${params.add(json)})`,

  object(entries) {
    const pairs = entries.map(({ key, value, keepNull }) => {
      const k = `'${key.replaceAll("'", "''")}'`;
      return keepNull ? `${k}, coalesce(json(${value}), json('null'))` : `${k}, json(${value})`;
    });
    const built = `json_object(${pairs.join(', ')})`;
    // json_object writes null for a missing value; a missing field must stay missing.
    const missing = entries.filter((e) => !e.keepNull);
    if (missing.length === 0) return built;
    const paths = missing.map(
      ({ key, value }) => `CASE WHEN ${value} IS NULL THEN ${jsonPath(key)} ELSE '$."$absent"' END`,
    );
    return `json_remove(${built}, ${paths.join(', ')})`;
  },

  without(doc, paths) {
    return `json_remove(${doc}, ${paths.map(jsonPath).join(', ')})`;
  },

  unwind(doc, path, preserveEmpty) {
    const p = jsonPath(path);
    const join = preserveEmpty ? 'LEFT JOIN' : 'JOIN';
    return {
      from: ` ${join} json_each(${doc}, ${p}) AS u ON 1 = 1`,
      doc: preserveEmpty
        ? `CASE WHEN u.type IS NULL THEN ${doc} ELSE json_set(${doc}, ${p}, ${eachJson('u')}) END`
        : `json_set(${doc}, ${p}, ${eachJson('u')})`,
      order: 'u.id',
    };
  },

  output: (doc) => `json(${doc})`,

  limit(limit, offset) {
    if (offset === undefined) return `LIMIT ${limit ?? -1}`;
    return `LIMIT ${limit ?? -1} OFFSET ${offset}`;
  },

  apply(doc: string, steps: readonly UpdateStep[], params: SqlParams): string {
    let expr = doc;
    const sets: string[] = [];
    const flushSets = (): void => {
      if (sets.length > 0) expr = `jsonb_set(${expr}, ${sets.splice(0).join(', ')})`;
    };
    for (const step of steps) {
      const p = jsonPath(step.path);
      switch (step.op) {
        case 'set':
          sets.push(`${p}, json(${params.add(step.json)})`);
          break;
        case 'inc':
          sets.push(`${p}, coalesce(json_extract(${doc}, ${p}), 0) + ${params.add(step.by)}`);
          break;
        case 'unset':
          flushSets();
          expr = `jsonb_remove(${expr}, ${p})`;
          break;
        case 'push': {
          flushSets();
          const whole = `json(${params.add(`[${step.jsonValues.join(',')}]`)})`;
          const appends = step.jsonValues.map((v) => `'${p.slice(1, -1)}[#]', json(${params.add(v)})`);
          expr = `(CASE WHEN json_type(${doc}, ${p}) IS NULL THEN jsonb_set(${expr}, ${p}, ${whole}) ELSE jsonb_insert(${expr}, ${appends.join(', ')}) END)`;
          break;
        }
      }
    }
    flushSets();
    return expr;
  },

  conflicts(doc, step) {
    const type = `json_type(${doc}, ${jsonPath(step.path)})`;
    return step.op === 'inc'
      ? `coalesce(${type} NOT IN ('integer', 'real'), 0)`
      : `coalesce(${type} <> 'array', 0)`;
  },
};
