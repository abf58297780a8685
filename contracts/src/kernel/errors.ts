/**
 * Errors are values with codes at the domain edge. Each kind maps once to an HTTP status and
 * travels over the bus as `{ code, kind, message, field?, details? }`.
 */
export type ErrorKind =
  | 'validation' // malformed input: names the field and the reason
  | 'not-found'
  | 'conflict' // concurrency or idempotency conflicts
  | 'rule' // a domain rule forbids the command in the current state
  | 'forbidden'
  | 'unauthenticated'
  | 'unavailable'
  | 'timeout'
  | 'internal';

export interface ErrorBody {
  kind: ErrorKind;
  code: string;
  message: string;
  field?: string;
  details?: Record<string, unknown>;
}

export class HotlineError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }

  toBody(): ErrorBody {
    return {
      kind: this.kind,
      code: this.code,
      message: this.message,
      ...(this.field !== undefined ? { field: this.field } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }

  static fromBody(body: ErrorBody): HotlineError {
    return new HotlineError(body.kind, body.code, body.message, body.field, body.details);
  }
}

/** Malformed input. `field` is a dotted path such as `data.citizen.phone`. */
export class ValidationError extends HotlineError {
  constructor(field: string, reason: string, code = 'VALIDATION_FAILED') {
    super('validation', code, `${field}: ${reason}`, field);
  }
}

/**
 * A domain rule rejects the command; nothing is appended. Each module declares its codes once, as an
 * enum, and its error in one line: `export class CaseRuleViolation extends RuleViolation<CaseError> {}`.
 * A module whose codes mean something other than "a rule forbids it" (a role refused, a thing not
 * there) lists those in its subclass's static `kinds`; the kind alone decides the HTTP and bus status.
 * A string `details.field` names the offending field in the error body.
 */
export class RuleViolation<Code extends string = string> extends HotlineError {
  /** The kind of each code that is not `rule`. */
  static readonly kinds: Readonly<Record<string, ErrorKind>> = {};
  declare readonly code: Code;

  constructor(code: Code, message: string, details?: Record<string, unknown>) {
    const kinds = new.target.kinds;
    const field = typeof details?.field === 'string' ? details.field : undefined;
    super(kinds[code] ?? 'rule', code, message, field, details);
  }

  /** Throws the violation where an expression is expected: `state.unit ?? UnitRuleViolation.raise(…)`. */
  static raise<Code extends string>(
    this: new (code: Code, message: string, details?: Record<string, unknown>) => RuleViolation<Code>,
    code: Code,
    message: string,
    details?: Record<string, unknown>,
  ): never {
    throw new this(code, message, details);
  }
}

export class NotFoundError extends HotlineError {
  constructor(what: string, id: string) {
    super('not-found', 'NOT_FOUND', `${what} ${id} was not found`, undefined, { what, id });
  }
}

const HTTP_STATUS: Record<ErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  rule: 422,
  internal: 500,
  unavailable: 503,
  timeout: 504,
};

export const httpStatusOf = (kind: ErrorKind): number => HTTP_STATUS[kind];

export const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as ErrorBody).kind === 'string' &&
  (value as ErrorBody).kind in HTTP_STATUS &&
  typeof (value as ErrorBody).code === 'string' &&
  typeof (value as ErrorBody).message === 'string';
