import { HotlineError } from '@hotline/contracts';

export interface ConfigIssue {
  /** The environment variable, e.g. `HTTP_PORT`. */
  variable: string;
  reason: string;
}

/** The environment does not describe a runnable service; thrown at boot, so the service stops. */
export class ConfigError extends HotlineError {
  constructor(
    readonly service: string,
    readonly issues: ConfigIssue[],
  ) {
    super(
      'validation',
      'CONFIG_INVALID',
      `invalid configuration of service ${service}: ${issues.map((i) => `${i.variable} ${i.reason}`).join('; ')}`,
      issues[0]?.variable,
      { service, issues },
    );
  }
}
