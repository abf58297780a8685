import { signIn, signInAs, type SessionHeaders } from '@hotline/gateway/testing';

/**
 * Who a test request is from: an account of the gateway. A demo account signs in as it is; one with
 * `create` is opened first by the demo city admin (the gateway's test helper).
 */
export interface As {
  username: string;
  create?: { role: string; districtId: string; unitId?: string };
}

export interface HttpAnswer<T = unknown> {
  status: number;
  body: T;
}

/** A small HTTP client for end-to-end tests of the gateway's API, signed in per account. */
export class HotlineHttp {
  private readonly sessions = new Map<string, Promise<SessionHeaders>>();

  constructor(private readonly baseUrl: string) {}

  private session(as: As): Promise<SessionHeaders> {
    let session = this.sessions.get(as.username);
    if (!session) {
      session =
        as.create === undefined
          ? signIn(this.baseUrl, as.username)
          : signInAs(this.baseUrl, { username: as.username, ...as.create });
      this.sessions.set(as.username, session);
    }
    return session;
  }

  async request<T = unknown>(
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    options: { as?: As; body?: unknown } = {},
  ): Promise<HttpAnswer<T>> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.as) Object.assign(headers, await this.session(options.as));
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
  }

  /** Waits until `/health/ready` answers 200 (the read models have caught up). */
  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await fetch(`${this.baseUrl}/health/ready`).catch(() => undefined);
      if (answer?.status === 200) return;
      if (Date.now() > deadline)
        throw new Error(
          `${this.baseUrl} did not become ready: ${answer ? await answer.text() : 'no answer'}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The body of a successful answer; a failure throws with the status and the error body. */
  async ok<T = Record<string, unknown>>(
    method: 'GET' | 'POST',
    path: string,
    options: { as?: As; body?: unknown } = {},
  ): Promise<T> {
    const answer = await this.request<T>(method, path, options);
    if (answer.status >= 400) {
      throw new Error(`${method} ${path} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
    return answer.body;
  }
}
