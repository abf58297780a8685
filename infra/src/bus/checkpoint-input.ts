import { ValidationError } from '@hotline/contracts';

export const checkName = (name: unknown): string => {
  if (typeof name !== 'string' || name.length === 0 || name.length > 200)
    throw new ValidationError('name', 'must be a string of 1-200 characters');
  return name;
};

export const checkPosition = (position: unknown): number => {
  if (!Number.isSafeInteger(position) || (position as number) < 0)
    throw new ValidationError('position', 'must be an integer >= 0');
  return position as number;
};
