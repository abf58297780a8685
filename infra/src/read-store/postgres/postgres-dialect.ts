import type { SqlDialect, SqlParams, SqlScope, UpdateStep } from '../sql/sql-dialect';
import { PostgresDocumentScope } from './postgres-field';
import { jsonAt, pathLiteral, quoteIdentifier, stringLiteral, textAt } from './postgres-json-path';

/** An update's set/inc/push steps as a tree of top-level keys down to the step that writes a path. */
type StepTree = Map<string, StepTree | UpdateStep>;

function stepTree(steps: readonly UpdateStep[]): StepTree {
  const root: StepTree = new Map();
  for (const step of steps) {
    if (step.op === 'unset') continue;
    const segments = step.path.split('.');
    let node = root;
    for (const segment of segments.slice(0, -1)) {
      let next = node.get(segment);
      if (!(next instanceof Map)) node.set(segment, (next = new Map()));
      node = next;
    }
    node.set(segments[segments.length - 1] as string, step);
  }
  return root;
}

/** The new value written by `step`, from the old document `doc`. */
function stepValue(doc: string, step: UpdateStep, params: SqlParams): string {
  const old = jsonAt(doc, step.path);
  switch (step.op) {
    case 'set':
      return `CAST(${params.add(step.json)} AS jsonb)`;
    case 'inc':
      return `to_jsonb(CASE WHEN jsonb_typeof(${old}) = 'number' THEN CAST(${textAt(doc, step.path)} AS numeric) ELSE 0 END + CAST(${params.add(step.by)} AS numeric))`;
    case 'push': {
      const values = `CAST(${params.add(`[${step.jsonValues.join(',')}]`)} AS jsonb)`;
      return `(CASE WHEN jsonb_typeof(${old}) = 'array' THEN ${old} || ${values} ELSE ${values} END)`;
    }
    case 'unset':
      throw new Error('an unset is applied with #-, not as a value');
  }
}

/** `base` with the keys of `tree` replaced: each key's new value refers only to the old document. */
function merged(base: string, doc: string, prefix: string[], tree: StepTree, params: SqlParams): string {
  const pairs = [...tree].map(([key, node]) => {
    const path = [...prefix, key];
    let value: string;
    if (node instanceof Map) {
      const old = jsonAt(doc, path.join('.'));
      value = merged(
        `(CASE WHEN jsonb_typeof(${old}) = 'object' THEN ${old} ELSE '{}'::jsonb END)`,
        doc,
        path,
        node,
        params,
      );
    } else value = stepValue(doc, node, params);
    return `${stringLiteral(key)}, ${value}`;
  });
  return `(${base} || jsonb_build_object(${pairs.join(', ')}))`;
}

/**
 * PostgreSQL (and the servers that keep its SQL, ADR 0009): documents are JSONB; `#>` reads a
 * field, `||` with jsonb_build_object writes fields, `#-` removes them, jsonb_array_elements walks
 * arrays, and the driver parses the JSONB it returns.
 */
export const postgresDialect: SqlDialect = {
  identifier: quoteIdentifier,

  scope(doc: string): SqlScope {
    return new PostgresDocumentScope(doc);
  },

  valueAt: jsonAt,

  numberAt: (doc, path) =>
    `(CASE WHEN jsonb_typeof(${jsonAt(doc, path)}) = 'number' THEN CAST(${textAt(doc, path)} AS numeric) ELSE 0 END)`,

  literal: (json, params) => `CAST(${params.add(json)} AS jsonb)`,

  object(entries) {
    // jsonb_build_object writes null for SQL NULL; a missing field must stay missing.
    const parts = entries.map(({ key, value, keepNull }) =>
      keepNull
        ? `jsonb_build_object(${stringLiteral(key)}, coalesce(${value}, 'null'::jsonb))`
        : `(CASE WHEN ${value} IS NULL THEN '{}'::jsonb ELSE jsonb_build_object(${stringLiteral(key)}, ${value}) END)`,
    );
    return parts.length === 0 ? `'{}'::jsonb` : `('{}'::jsonb || ${parts.join(' || ')})`;
  },

  without(doc, paths) {
    return `(${doc}${paths.map((p) => ` #- ${pathLiteral(p)}`).join('')})`;
  },

  unwind(doc, path, preserveEmpty) {
    const at = jsonAt(doc, path);
    // A scalar unwinds to itself; a missing field or an empty array to nothing.
    const array = `(CASE WHEN jsonb_typeof(${at}) = 'array' THEN ${at} WHEN ${at} IS NULL THEN '[]'::jsonb ELSE jsonb_build_array(${at}) END)`;
    const join = preserveEmpty ? 'LEFT JOIN LATERAL' : 'CROSS JOIN LATERAL';
    return {
      from: ` ${join} jsonb_array_elements(${array}) WITH ORDINALITY AS u(elem, idx)${preserveEmpty ? ' ON TRUE' : ''}`,
      doc: preserveEmpty
        ? `(CASE WHEN u.elem IS NULL THEN ${doc} ELSE jsonb_set(${doc}, ${pathLiteral(path)}, u.elem) END)`
        : `jsonb_set(${doc}, ${pathLiteral(path)}, u.elem)`,
      order: 'u.idx',
    };
  },

  output: (doc) => doc,

  limit(limit, offset) {
    const parts: string[] = [];
    if (limit !== undefined) parts.push(`LIMIT ${limit}`);
    if (offset !== undefined) parts.push(`OFFSET ${offset}`);
    return parts.join(' ');
  },

  apply(doc: string, steps: readonly UpdateStep[], params: SqlParams): string {
    const tree = stepTree(steps);
    let expr = tree.size === 0 ? doc : merged(doc, doc, [], tree, params);
    // Paths never overlap, so removing after writing is the same as MongoDB's order.
    for (const step of steps) if (step.op === 'unset') expr = `(${expr} #- ${pathLiteral(step.path)})`;
    return expr;
  },

  conflicts(doc, step) {
    const type = `jsonb_typeof(${jsonAt(doc, step.path)})`;
    return `coalesce(${type} <> '${step.op === 'inc' ? 'number' : 'array'}', FALSE)`;
  },
};
