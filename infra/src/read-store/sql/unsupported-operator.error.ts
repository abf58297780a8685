import { ValidationError } from '@hotline/contracts';

/** A filter, update or stage outside the subset that the SQL stores translate; names the operator. */
export class UnsupportedOperatorError extends ValidationError {
  constructor(
    field: string,
    readonly operator: string,
    why = 'is outside the read store subset translated to SQL',
  ) {
    super(field, `${operator} ${why}`, 'UNSUPPORTED_OPERATOR');
  }
}
