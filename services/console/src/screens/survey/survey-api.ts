import { apiGet, apiPost, type QueryValue } from '../../api/http';

/** A callback task as `GET /api/survey/callback-tasks` lists it (no phone number: the read model has none). */
export interface CallbackTaskRow {
  taskId: string;
  caseId: string;
  caseNumber: string;
  kind: 'routine' | 'audit' | 'center';
  method: 'desk' | 'sms' | 'ivr';
  status: string;
  dueAt: string;
  attempts: number;
  maxAttempts: number;
  caseType: string;
  lastFailure?: string;
  unitId?: string;
  /** The SMS of the task's survey link, once one was issued (it stays after a fallback to the desk). */
  sms?: CallbackSmsState;
}

export interface CallbackSmsState {
  status: 'sending' | 'sent' | 'deferred' | 'retrying' | 'failed';
  tries?: number;
  reason?: 'opted-out' | 'smsc-unavailable';
}

export interface SatisfactionRow {
  key: string;
  evaluated: number;
  rates: { efficiency: number; attitude: number; result: number; overall: number };
}

export type SatisfactionGrouping = 'unit' | 'category' | 'district' | 'month' | 'day';

/** The tasks still to be done by someone: the desk calls any of them (an SMS not answered yet too). */
export const OPEN_TASK_STATUSES = 'scheduled,link-sent,call-requested';

export const listCallbackTasks = (query: Record<string, QueryValue>) =>
  apiGet<{ items: CallbackTaskRow[]; total: number }>('/api/survey/callback-tasks', query);

export const recordNoAnswer = (taskId: string, commandId: string) =>
  apiPost<{ position?: number }>(`/api/survey/callback-tasks/${encodeURIComponent(taskId)}/attempts`, {
    commandId,
    method: 'desk',
    failure: 'no-answer',
  });

export const getSatisfaction = (by: SatisfactionGrouping, from?: string, to?: string) =>
  apiGet<{ rows: SatisfactionRow[] }>('/api/survey/satisfaction', { by, from, to });
