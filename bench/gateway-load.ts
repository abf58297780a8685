/**
 * Virtual users against a running gateway: each signs in once (its own session cookie) and then
 * loops over a console-like mix of reads with no think time, one request at a time, for a fixed
 * duration. Latency is measured per request from send until the body is read.
 */
import { signIn, type SessionHeaders } from '../services/gateway/src/auth/testing/test-session';

/** A demo account and the units whose inbox it may open. */
export interface LoadAccount {
  username: string;
  units: string[];
}

export const LOAD_ACCOUNTS: LoadAccount[] = [
  { username: 'center', units: ['housing-bureau', 'gulou-dongjie'] },
  { username: 'unit-handler-housing', units: ['housing-bureau'] },
  { username: 'unit-handler-gulou-dongjie', units: ['gulou-dongjie'] },
  { username: 'district-admin-gulou', units: ['gulou-dongjie'] },
];

export type RouteKind = 'search' | 'inbox' | 'badges' | 'floor';

interface Request {
  kind: RouteKind;
  path: string;
}

const STATUSES = ['registered', 'dispatched', 'signed', 'dispatched,signed', 'replied,completed', 'closed'];
const TYPES = ['complaint', 'consult', 'report', 'help', 'complaint,report'];
const TEXTS = ['噪音', '停水', '路灯', '施工', '垃圾', '占道'];
const COLOURS = ['green', 'yellow', 'red'];
const LISTS = ['to-sign', 'in-progress', 'due-soon', 'overdue', 'returned', 'extension-pending'];

const pick = <T>(values: T[], n: number): T => values[n % values.length] as T;

/** The n-th search a console user makes: a filter or two, sometimes a text query, a page. */
function searchPath(n: number): string {
  const query = new URLSearchParams();
  if (n % 2 === 0) query.set('status', pick(STATUSES, n >> 1));
  if (n % 3 === 0) query.set('type', pick(TYPES, n));
  if (n % 4 === 1) query.set('text', pick(TEXTS, n >> 2));
  if (n % 5 === 2) query.set('colour', pick(COLOURS, n));
  if (n % 7 === 3) query.set('sort', 'deadlineAt');
  query.set('page', String(1 + (n % 3)));
  query.set('pageSize', '20');
  return `/api/cases?${query.toString()}`;
}

/** Half searches, a third inbox lists, the rest badge counts (the console polls them). */
function nextRequest(account: LoadAccount, n: number): Request {
  const slot = n % 6;
  if (slot < 3) return { kind: 'search', path: searchPath(n) };
  if (slot < 5) {
    const unit = pick(account.units, n);
    return { kind: 'inbox', path: `/api/units/${unit}/inbox?list=${pick(LISTS, n >> 1)}&pageSize=20` };
  }
  return { kind: 'badges', path: '/api/badges' };
}

export interface LoadOutcome {
  seconds: number;
  /** Latencies in ms by route kind, sorted ascending. */
  latencies: Map<RouteKind, number[]>;
  errors: number;
  /** The first few failures (status and body), for the report. */
  failures: string[];
}

export interface LoadOptions {
  baseUrl: string;
  users: number;
  durationMs: number;
  /** Only `GET /health/live` (the floor: HTTP and the framework, no session, no bus, no read model). */
  floor?: boolean;
}

/** Signs in one session per demo account; virtual users share them round robin. */
export async function signInAccounts(baseUrl: string): Promise<Map<string, SessionHeaders>> {
  const sessions = new Map<string, SessionHeaders>();
  for (const account of LOAD_ACCOUNTS)
    sessions.set(account.username, await signIn(baseUrl, account.username));
  return sessions;
}

export async function runLoad(
  options: LoadOptions,
  sessions: Map<string, SessionHeaders>,
): Promise<LoadOutcome> {
  const latencies = new Map<RouteKind, number[]>();
  const failures: string[] = [];
  let errors = 0;
  const start = performance.now();
  const end = start + options.durationMs;
  const user = async (index: number): Promise<void> => {
    const account = LOAD_ACCOUNTS[index % LOAD_ACCOUNTS.length] as LoadAccount;
    const headers = sessions.get(account.username) ?? {};
    // Users start at different points of the mix so the concurrent requests differ.
    for (let n = index * 7; performance.now() < end; n++) {
      const request: Request = options.floor
        ? { kind: 'floor', path: '/health/live' }
        : nextRequest(account, n);
      const sent = performance.now();
      let status = 0;
      let body = '';
      try {
        const response = await fetch(`${options.baseUrl}${request.path}`, {
          headers: options.floor ? {} : headers,
        });
        status = response.status;
        body = await response.text();
      } catch (error) {
        body = String(error);
      }
      const ms = performance.now() - sent;
      if (status < 200 || status > 299) {
        errors++;
        if (failures.length < 5) failures.push(`${status} ${request.path}: ${body.slice(0, 200)}`);
        continue;
      }
      const list = latencies.get(request.kind) ?? [];
      list.push(ms);
      latencies.set(request.kind, list);
    }
  };
  await Promise.all(Array.from({ length: options.users }, (_, i) => user(i)));
  const seconds = (performance.now() - start) / 1000;
  for (const list of latencies.values()) list.sort((a, b) => a - b);
  return { seconds, latencies, errors, failures };
}

export const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** "p50 3.1 / p95 9.8 / p99 14.2 ms" of one sorted list. */
export const percentiles = (sorted: number[]): string =>
  `p50 ${quantile(sorted, 0.5).toFixed(1)} / p95 ${quantile(sorted, 0.95).toFixed(1)} / p99 ${quantile(sorted, 0.99).toFixed(1)} ms`;
