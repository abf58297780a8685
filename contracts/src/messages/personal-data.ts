import { z } from 'zod';

/**
 * Personal data in message schemas (ADR 0006). A field marked `personal` (a citizen's name, phone,
 * address; a unit contact's name and phone) is removed from events on the integration stream; a
 * field marked `freeText` (case content, notes) stays but has phone and ID-card numbers masked,
 * because citizens dictate them into the text. The marks live on the schemas, so a new field is
 * redacted by marking it where it is declared.
 */
export type PersonalDataMark = 'personal' | 'free-text';

// An AsyncAPI extension keyword: the generated document shows integrators which fields are marked.
const META_KEY = 'x-personal-data';

export const personal = <S extends z.ZodType>(schema: S): S => schema.meta({ [META_KEY]: 'personal' });
export const freeText = <S extends z.ZodType>(schema: S): S => schema.meta({ [META_KEY]: 'free-text' });

/** `13705918888` → `137****8888`; `0591-87654321` → `059*****4321`: what a role without the number sees. */
export function maskPhone(phone: string): string {
  if (phone.length <= 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}${'*'.repeat(phone.length - 7)}${phone.slice(-4)}`;
}

/** A field's path; `*` stands for every element of an array or every value of a record. */
export type FieldPath = readonly string[];

export interface PersonalDataPaths {
  personal: FieldPath[];
  freeText: FieldPath[];
}

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const markOf = (schema: z.ZodType): PersonalDataMark | undefined =>
  z.globalRegistry.get(schema)?.[META_KEY] as PersonalDataMark | undefined;

/** Every marked field of a schema, found by walking objects, wrappers, arrays, unions and records. */
export function personalDataPaths(schema: z.ZodType): PersonalDataPaths {
  const found: PersonalDataPaths = { personal: [], freeText: [] };
  const seen = new Set<string>();
  const walk = (node: z.ZodType | undefined, path: string[]): void => {
    if (node === undefined) return;
    const mark = markOf(node);
    if (mark !== undefined) {
      const key = `${mark}:${path.join('.')}`;
      if (!seen.has(key)) (mark === 'personal' ? found.personal : found.freeText).push(path);
      seen.add(key);
      if (mark === 'personal') return;
    }
    const def = defOf(node);
    switch (def.type) {
      case 'object':
        for (const [name, field] of Object.entries(def.shape ?? {})) walk(field, [...path, name]);
        return;
      case 'array':
        return walk(def.element, [...path, '*']);
      case 'record':
        return walk(def.valueType, [...path, '*']);
      case 'union':
        for (const option of def.options ?? []) walk(option, path);
        return;
      case 'intersection':
        walk(def.left, path);
        return walk(def.right, path);
      case 'pipe':
        return walk(def.in, path);
      default:
        return walk(def.innerType, path);
    }
  };
  walk(schema, []);
  return found;
}

/** Mobile numbers, landlines with area code, and 18-character resident ID numbers. */
const IDENTIFYING_NUMBERS = /(?<!\d)(?:1[3-9]\d{9}|0\d{2,3}-?\d{7,8}|\d{17}[\dXx])(?!\d)/g;

/** The text with phone and ID-card numbers masked but for their last two characters. */
export const maskIdentifyingNumbers = (text: string): string =>
  text.replace(IDENTIFYING_NUMBERS, (number) => `${'*'.repeat(number.length - 2)}${number.slice(-2)}`);

type Json = unknown;

function mapAt(value: Json, path: FieldPath, change: (leaf: Json) => Json): Json {
  if (path.length === 0 || value === null || typeof value !== 'object') return value;
  const [head, ...rest] = path as [string, ...string[]];
  const apply = (child: Json): Json => (rest.length === 0 ? change(child) : mapAt(child, rest, change));
  if (Array.isArray(value)) return head === '*' ? value.map((item) => apply(item)) : value;
  const copy: Record<string, Json> = { ...(value as Record<string, Json>) };
  const keys = head === '*' ? Object.keys(copy) : Object.hasOwn(copy, head) ? [head] : [];
  for (const key of keys) {
    const next = apply(copy[key]);
    if (next === undefined) delete copy[key];
    else copy[key] = next;
  }
  return copy;
}

/** A copy of `data` without its personal fields and with identifying numbers masked in free text. */
export function redactPersonalData(paths: PersonalDataPaths, data: unknown): unknown {
  let redacted = data;
  for (const path of paths.personal) redacted = mapAt(redacted, path, () => undefined);
  for (const path of paths.freeText) {
    redacted = mapAt(redacted, path, (leaf) =>
      typeof leaf === 'string' ? maskIdentifyingNumbers(leaf) : leaf,
    );
  }
  return redacted;
}
