import { ValidationError } from '@hotline/contracts';

/** Table names are spliced into SQL, so only plain identifiers pass. */
export const busTableName = (table: string, field: string): string => {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table))
    throw new ValidationError(field, 'must be a plain SQL identifier');
  return table;
};
