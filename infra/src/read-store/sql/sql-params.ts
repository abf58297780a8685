import type { SqlParams } from './sql-dialect';

/**
 * Numbered parameters (`?1` for SQLite, `$1` for PostgreSQL): a translator may build a fragment
 * before the one that precedes it in the text, so the numbers, not the order, bind the values.
 */
export class NumberedParams implements SqlParams {
  readonly values: Array<string | number | null> = [];

  constructor(private readonly prefix: '?' | '$' = '?') {}

  add(value: string | number | null): string {
    this.values.push(value);
    return `${this.prefix}${this.values.length}`;
  }
}
