import { AccountScope, DisplayName, Username } from '@hotline/contracts';
import { z } from 'zod';

/** One account of an import file, checked with the same schemas the gateway's commands use. */
export const AccountRow = z
  .object({
    username: Username,
    displayName: DisplayName,
    password: z.string().min(1).optional(),
  })
  .extend(AccountScope.shape)
  .strict();
export type AccountRow = z.infer<typeof AccountRow>;

export interface RowProblem {
  /** 1-based line of a CSV file (the header is line 1), or 1-based entry of a JSON array. */
  line: number;
  field: string;
  reason: string;
}

export type ReadRows = { rows: AccountRow[]; problems: RowProblem[] };

/** Splits one CSV line: commas, fields in double quotes may hold commas, `""` is a quote. */
function csvFields(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (char === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += char;
    }
  }
  fields.push(field);
  return fields.map((f) => f.trim());
}

function check(entry: unknown, line: number, seen: Map<string, number>, out: ReadRows): void {
  const parsed = AccountRow.safeParse(entry);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field =
        issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : 'entry');
      out.problems.push({ line, field, reason: issue.message });
    }
    return;
  }
  const earlier = seen.get(parsed.data.username);
  if (earlier !== undefined) {
    out.problems.push({ line, field: 'username', reason: `repeats line ${earlier}` });
    return;
  }
  seen.set(parsed.data.username, line);
  out.rows.push(parsed.data);
}

/**
 * The accounts of an import file: CSV with a header line (`username,displayName,role,districtId`,
 * optionally `unitId` and `password`), or JSON (an array of objects with the same fields). Every
 * line is checked; the caller imports nothing unless `problems` is empty.
 */
export function readAccountRows(text: string, format: 'csv' | 'json'): ReadRows {
  const out: ReadRows = { rows: [], problems: [] };
  const seen = new Map<string, number>();
  if (format === 'json') {
    let entries: unknown;
    try {
      entries = JSON.parse(text);
    } catch (error) {
      return {
        rows: [],
        problems: [{ line: 0, field: 'file', reason: `is not JSON: ${(error as Error).message}` }],
      };
    }
    if (!Array.isArray(entries))
      return { rows: [], problems: [{ line: 0, field: 'file', reason: 'must be a JSON array of accounts' }] };
    entries.forEach((entry, i) => check(entry, i + 1, seen, out));
    return out;
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = csvFields(lines[0] ?? '');
  for (const required of ['username', 'displayName', 'role', 'districtId']) {
    if (!header.includes(required))
      out.problems.push({ line: 1, field: required, reason: 'is missing from the header line' });
  }
  if (out.problems.length > 0) return out;
  lines.slice(1).forEach((text, i) => {
    if (text.trim() === '') return;
    const values = csvFields(text);
    const entry: Record<string, string> = {};
    header.forEach((name, column) => {
      const value = values[column] ?? '';
      if (value !== '') entry[name] = value;
    });
    check(entry, i + 2, seen, out);
  });
  return out;
}
