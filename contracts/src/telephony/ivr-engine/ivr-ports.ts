import type { SkillRequirement } from '../../routing/routing.values';
import type { RecordingPurpose } from '../ivr-flow.schema';
import type { PromptKey, PromptLanguage } from '../telephony.values';

/** Something the caller hears: a named prompt, a text the adapter speaks, or their own recording. */
export type MediaItem = { prompt: PromptKey } | { text: string } | { recording: RecordingRef };

/** A recording the media side holds; the platform stores it with the contact. */
export interface RecordingRef {
  id: string;
  seconds: number;
}

export interface PlayOptions {
  language: PromptLanguage;
  /** The caller may press a key during the prompt; the first key stops it and is returned. */
  interruptible: boolean;
}

export interface CollectOptions {
  maxDigits: number;
  /** Silence before the first key and between keys. */
  timeoutMs: number;
  terminator?: '#' | '*';
}

/** Where a bridge connects the caller: an agent's phone or an outside number. */
export type BridgeTarget = { agentId: string; uri: string } | { number: string };

/**
 * The media port: what the flow engine asks of a call. The rtpengine adapter, the FreeSWITCH adapter,
 * the browser's test-call panel and the unit tests' scripted port implement it. Every method rejects
 * with `CallerHungUp` once the caller has gone.
 */
export interface IvrMedia {
  play(items: readonly MediaItem[], options: PlayOptions): Promise<string | undefined>;
  collectDigits(options: CollectOptions): Promise<string>;
  record(options: { maxSeconds: number; terminator: '#' }): Promise<RecordingRef>;
  /** Resolves when the bridged call ends: who hung up first. */
  bridge(target: BridgeTarget): Promise<'caller' | 'callee'>;
  hangup(): Promise<void>;
  /** Rejects with `CallerHungUp` when the caller hangs up while the flow waits on the platform (a queue). */
  untilHangup(): Promise<never>;
}

export class CallerHungUp extends Error {
  constructor() {
    super('the caller hung up');
    this.name = 'CallerHungUp';
  }
}

/** The statuses a caller hears, folded from the workflow's case statuses. */
export type SpokenCaseStatus = 'accepted' | 'in-progress' | 'completed' | 'not-accepted';

export interface QueueRequest {
  callId: string;
  callerNumber?: string;
  queueId: string;
  urgent: boolean;
  skills: SkillRequirement[];
  language: PromptLanguage;
}

/** What happens to a caller waiting in a queue, one step at a time. */
export type QueueUpdate =
  | { kind: 'position'; ahead: number }
  | { kind: 'offered'; agentId: string; workNumber: string; target: BridgeTarget }
  | { kind: 'gone' };

export interface QueueWait {
  next(): Promise<QueueUpdate>;
  /** The caller hung up while waiting. */
  abandon(): Promise<void>;
}

export interface SubmittedRecording {
  contactId?: string;
  /** The case a complaint became: read back digit by digit. */
  caseNumber?: string;
}

/**
 * The platform as the flow engine sees it: blocklist, working calendar, cases, queues, recordings.
 * The sipapp implements it on the bus; the test-call panel on the gateway; unit tests with a stub.
 */
export interface IvrServices {
  now(): Date;
  isBlocked(callerNumber: string | undefined): Promise<boolean>;
  isWorkingDay(at: Date): boolean;
  liveAnnouncement(language: PromptLanguage): Promise<string | undefined>;
  /** The caller's own case only: the platform may check the number against the caller's. */
  caseStatus(caseNumber: string, callerNumber?: string): Promise<SpokenCaseStatus | undefined>;
  submitRecording(input: {
    callId: string;
    purpose: RecordingPurpose;
    recording: RecordingRef;
    callerNumber?: string;
  }): Promise<SubmittedRecording>;
  enqueue(request: QueueRequest): Promise<QueueWait>;
  requestCallback(input: { callId: string; callerNumber?: string }): Promise<void>;
  recordSurveyAnswer(input: {
    callId: string;
    question: string;
    answer: string;
    agentId?: string;
  }): Promise<void>;
}
