import fc from 'fast-check';
import { formatCaseNumber } from '@hotline/contracts';

type Json = Record<string, unknown>;

/** One request the fuzz test sends: everything in it is malformed somewhere. */
export interface MalformedRequest {
  method: string;
  /** With the query string, already encoded. */
  path: string;
  /** The raw body and its content type (none for reads). */
  body?: { contentType: string; text: string };
  /** What is wrong, for the failure message. */
  what: string;
  /** The one parameter that is wrong: a 400 must name it in `error.field`. */
  names?: string;
}

export interface DocumentedOperation {
  method: string;
  /** OpenAPI template: `/api/cases/{caseId}/dispatch`. */
  path: string;
  operation: Json;
  /** The request body's JSON schema (resolved), when the operation takes JSON. */
  bodySchema?: Json;
}

const ODD_TEXT = [
  '\u202e\u0644\u0627', // right-to-left override
  '\ud800', // a lone surrogate
  '\u0000nul',
  '\ufeffbom',
  '𠮷野家',
  'e\u0301\u0301\u0301',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '${7*7}',
];

/**
 * Made on first use, not at import: fast-check's grapheme strings build their tables when the
 * arbitrary is made (0.8 s), and every test file importing the gateway's testing kit paid it.
 */
const lazy = <T>(make: () => T): (() => T) => {
  let made: T | undefined;
  return () => (made ??= make());
};

/** Values that are wrong for most fields: wrong types, absurd sizes, unicode oddities, deep nesting. */
const oddValue = lazy((): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom(...ODD_TEXT),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.constant('长'.repeat(20_000)),
    fc.constantFrom(1e308, -1e308, Number.MAX_SAFE_INTEGER * 16, -0, 0.5, -1),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
    fc.constant([[[[[[[[[[[]]]]]]]]]]]),
    fc.object({ maxDepth: 2 }),
  ),
);

/** A value that no schema of the given type accepts. */
const wrongFor = (schema: Json | undefined): unknown => {
  const type = schema?.type;
  if (type === 'object') return 12345;
  if (type === 'array') return { not: 'a list' };
  return { nested: [1, 2, 3] };
};

/** Path parameter values that are never valid ids, numbers or phone numbers. */
const badPathValue = fc.constantFrom(
  ' ',
  'a b',
  '😀',
  '../../etc/passwd',
  'x'.repeat(3_000),
  '9'.repeat(400),
  '\u0000',
  '<img src=x>',
  '\u202e\u202e',
);

/** Query values of the wrong type or size. */
const badQueryValue = lazy(() =>
  fc.oneof(
    fc.constantFrom('abc', '-1', '1e309', '99999999999999999999999', ' ', 'true,false', '%', '😀', 'NaN'),
    fc.constantFrom(
      'Infinity',
      '0x10',
      '1.5',
      '[object Object]',
      'x'.repeat(5_000),
      '\u0000',
      'registeredAt;drop',
    ),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
  ),
);

const BROKEN_JSON = ['{', '{"commandId":', '[1,2', 'nul', '{"a":1}}', '\u0000', '{"commandId":"x",}'];

/** Valid values of path parameters, so that only the parameter under test is wrong. */
const VALID_PATH_VALUE: Readonly<Record<string, string>> = {
  phone: '13800138000',
  caseNumber: formatCaseNumber(1),
  // The only `{id}` path is an attachment's (att-…); a poll round is a lowercase slug.
  id: `att-${'A'.repeat(24)}`,
  roundId: 'fuzz-round',
};
const validPathValue = (name: string): string => VALID_PATH_VALUE[name] ?? `fuzz-${name}`;

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{([^}]+)\}/g, (_, name: string) => values[name] ?? validPathValue(name));

const pathNames = (template: string): string[] =>
  [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] ?? '');

/** Malformed requests for one operation, reproducible from `seed`. */
export function malformedRequests(op: DocumentedOperation, seed: number, runs: number): MalformedRequest[] {
  const requests: MalformedRequest[] = [];
  const names = pathNames(op.path);
  const sample = <T>(arbitrary: fc.Arbitrary<T>, n = runs): T[] => fc.sample(arbitrary, { seed, numRuns: n });

  for (const [i, value] of sample(badPathValue).entries()) {
    if (names.length === 0) break;
    const target = names[i % names.length] ?? '';
    const values = Object.fromEntries(names.map((n) => [n, n === target ? value : validPathValue(n)]));
    const encoded = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, encodeURIComponent(v)]));
    requests.push({
      ...withBody(op, validish(op)),
      path: fill(op.path, encoded),
      what: `path ${target}=${value.slice(0, 40)}`,
      // With a body, the body's own first error may come first (it is only valid-ish).
      ...(op.bodySchema ? {} : { names: target }),
    });
  }
  if (names.length > 0) {
    const broken = Object.fromEntries(names.map((n) => [n, '%E0%A4%A']));
    requests.push({ ...withBody(op, validish(op)), path: fill(op.path, broken), what: 'undecodable path' });
  }

  const basePath = fill(op.path, {});
  const queryParams = ((op.operation.parameters as Json[] | undefined) ?? []).filter((p) => p.in === 'query');
  for (const [i, value] of sample(badQueryValue()).entries()) {
    const param = queryParams[i % Math.max(queryParams.length, 1)];
    if (!param) break;
    const name = String(param.name);
    requests.push({
      ...withBody(op, validish(op)),
      path: `${basePath}?${name}=${encodeURIComponent(value)}`,
      what: `query ${name}=${value.slice(0, 40)}`,
      names: name,
    });
  }
  for (const param of queryParams) {
    const name = String(param.name);
    requests.push({
      ...withBody(op, validish(op)),
      path: `${basePath}?${name}=1&${name}=2`,
      what: `query ${name} twice`,
      names: name,
    });
  }
  if (queryParams.some((p) => p.name === 'pageSize')) {
    requests.push({
      method: op.method,
      path: `${basePath}?pageSize=1000000&page=99999999999`,
      what: 'huge page',
    });
  }

  if (op.bodySchema) {
    for (const text of BROKEN_JSON) {
      requests.push({
        method: op.method,
        path: basePath,
        body: { contentType: 'application/json', text },
        what: `bad JSON ${text}`,
      });
    }
    requests.push({
      method: op.method,
      path: basePath,
      body: { contentType: 'text/plain', text: 'hello' },
      what: 'text body',
    });
    requests.push({
      method: op.method,
      path: basePath,
      body: {
        contentType: 'application/json',
        text: '{"commandId":"fuzz-proto","__proto__":{"isAdmin":true}}',
      },
      what: '__proto__ body',
    });
    for (const value of sample(
      fc.oneof(
        fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
        fc.integer(),
        fc.string(),
        fc.constant(null),
      ),
      4,
    )) {
      requests.push({
        ...withBody(op, value),
        path: basePath,
        what: `body ${JSON.stringify(value)?.slice(0, 40)}`,
      });
    }
    for (const body of sample(brokenObject(op.bodySchema))) {
      requests.push({
        ...withBody(op, body),
        path: basePath,
        what: `body ${JSON.stringify(body).slice(0, 80)}`,
      });
    }
  }
  return requests;
}

const withBody = (op: DocumentedOperation, value: unknown): Pick<MalformedRequest, 'method' | 'body'> =>
  op.bodySchema === undefined
    ? { method: op.method }
    : { method: op.method, body: { contentType: 'application/json', text: JSON.stringify(value) ?? 'null' } };

/** A body that is valid but for its path: `{ commandId }` alone, so the path is what gets judged. */
const validish = (op: DocumentedOperation): unknown => ({ commandId: `fuzz-${op.method}-${op.path.length}` });

/**
 * Objects with the schema's property names and odd values, then certainly broken: a required field
 * (other than commandId) missing or of a type it can never have, or else a malformed commandId.
 */
function brokenObject(schema: Json): fc.Arbitrary<Json> {
  const branch = (
    Array.isArray(schema.anyOf) ? schema.anyOf[0] : Array.isArray(schema.oneOf) ? schema.oneOf[0] : schema
  ) as Json;
  const properties = (branch.properties as Record<string, Json> | undefined) ?? {};
  const required = ((branch.required as string[] | undefined) ?? []).filter((n) => n !== 'commandId');
  const shape = Object.fromEntries(Object.keys(properties).map((name) => [name, oddValue()]));
  return fc
    .tuple(fc.record(shape, { requiredKeys: [] }), fc.nat(), fc.boolean(), fc.integer({ min: 1, max: 1e6 }))
    .map(([values, pick, omit, n]) => {
      const body: Json = { ...values, commandId: `fuzz-${n}` };
      const victim = required[pick % Math.max(required.length, 1)];
      if (victim === undefined) body.commandId = omit ? undefined : `bad id ${ODD_TEXT[n % ODD_TEXT.length]}`;
      else if (omit) delete body[victim];
      else body[victim] = wrongFor(properties[victim]);
      return body;
    });
}
