import { ValidationError } from '@hotline/contracts';
import { AuthError } from '../auth.errors';

const CLASSES: ReadonlyArray<RegExp> = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/];
export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 128;

/**
 * The password policy: at least 10 characters, 3 of 4 classes (lower, upper, digit, other), not
 * containing the username. A violation is a 400 naming `field`.
 */
export function checkPasswordPolicy(password: unknown, username: string, field = 'newPassword'): string {
  if (typeof password !== 'string') throw new ValidationError(field, 'is required', AuthError.PasswordPolicy);
  const fail = (reason: string): never => {
    throw new ValidationError(field, reason, AuthError.PasswordPolicy);
  };
  if ([...password].length < MIN_PASSWORD_LENGTH)
    fail(`must have at least ${MIN_PASSWORD_LENGTH} characters`);
  if (password.length > MAX_PASSWORD_LENGTH) fail(`must have at most ${MAX_PASSWORD_LENGTH} characters`);
  if (CLASSES.filter((c) => c.test(password)).length < 3) {
    fail('must mix at least 3 of: lowercase, uppercase, digits, other characters');
  }
  if (username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    fail('must not contain the username');
  }
  return password;
}
