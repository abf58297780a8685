import { ValidationError } from '@hotline/contracts';

export interface ReadinessCheck {
  /** Shown in the readiness report, e.g. `event-store`, `nats`. */
  name: string;
  /** Resolves when the dependency can serve; throws (or rejects) with the reason when it cannot. */
  check: () => Promise<void> | void;
  /** Longest the check may take before it counts as failed. Default 2000 ms. */
  timeoutMs?: number;
}

export type CheckReport = { status: 'ok' } | { status: 'failed'; reason: string };

export interface ReadinessReport {
  status: 'ok' | 'failing' | 'draining';
  checks: Record<string, CheckReport>;
}

const DEFAULT_CHECK_TIMEOUT_MS = 2000;

/**
 * What `/health/ready` answers. Components register a check when they start; the shutdown helper
 * marks the service draining first of all, so load balancers stop routing before anything closes.
 */
export class ReadinessRegistry {
  private readonly checks = new Map<string, ReadinessCheck>();
  private drainingSince: Date | undefined;

  /** Adds a check; returns a function that removes it again. */
  register(check: ReadinessCheck): () => void {
    if (typeof check?.name !== 'string' || check.name === '')
      throw new ValidationError('name', 'must be a non-empty string');
    if (typeof check.check !== 'function') throw new ValidationError('check', 'must be a function');
    if (this.checks.has(check.name))
      throw new ValidationError('name', `a check named ${check.name} is already registered`);
    this.checks.set(check.name, check);
    return () => {
      if (this.checks.get(check.name) === check) this.checks.delete(check.name);
    };
  }

  markDraining(): void {
    this.drainingSince ??= new Date();
  }

  get draining(): boolean {
    return this.drainingSince !== undefined;
  }

  /** Runs every check concurrently; a draining service reports `draining` without running them. */
  async run(): Promise<ReadinessReport> {
    if (this.draining) return { status: 'draining', checks: {} };
    const entries = await Promise.all(
      [...this.checks.values()].map(async (c): Promise<[string, CheckReport]> => [c.name, await runCheck(c)]),
    );
    const checks = Object.fromEntries(entries);
    const failing = entries.some(([, report]) => report.status === 'failed');
    return { status: failing ? 'failing' : 'ok', checks };
  }
}

async function runCheck(readiness: ReadinessCheck): Promise<CheckReport> {
  const timeoutMs = readiness.timeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<CheckReport>((resolve) => {
    timer = setTimeout(
      () => resolve({ status: 'failed', reason: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const checked = (async (): Promise<CheckReport> => {
    try {
      await readiness.check();
      return { status: 'ok' };
    } catch (error) {
      return { status: 'failed', reason: error instanceof Error ? error.message : String(error) };
    }
  })();
  try {
    return await Promise.race([checked, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
