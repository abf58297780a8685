import type { IvrServices, QueueUpdate, QueueWait, SpokenCaseStatus } from '../ivr-ports';

/**
 * A test double of the platform behind the IVR: an in-memory blocklist, cases by number, a queue that
 * answers with the given updates. It keeps every call it received, for assertions.
 */
export class StubIvrServices implements IvrServices {
  blocked = new Set<string>();
  cases = new Map<string, SpokenCaseStatus>();
  announcement: string | undefined;
  queueUpdates: QueueUpdate[] = [];
  nextCaseNumber = '26000017';
  readonly submitted: Parameters<IvrServices['submitRecording']>[0][] = [];
  readonly queued: Parameters<IvrServices['enqueue']>[0][] = [];
  readonly callbacks: string[] = [];
  readonly answers: Parameters<IvrServices['recordSurveyAnswer']>[0][] = [];
  abandoned = 0;

  constructor(
    public at = new Date('2026-12-07T02:00:00Z'),
    public workingDay = true,
  ) {}

  now(): Date {
    return this.at;
  }
  isWorkingDay(): boolean {
    return this.workingDay;
  }
  isBlocked(caller: string | undefined): Promise<boolean> {
    return Promise.resolve(caller !== undefined && this.blocked.has(caller));
  }
  liveAnnouncement(): Promise<string | undefined> {
    return Promise.resolve(this.announcement);
  }
  caseStatus(caseNumber: string): Promise<SpokenCaseStatus | undefined> {
    return Promise.resolve(this.cases.get(caseNumber));
  }
  submitRecording(input: Parameters<IvrServices['submitRecording']>[0]) {
    this.submitted.push(input);
    return Promise.resolve(
      input.purpose === 'complaint'
        ? { contactId: `contact-${input.callId}`, caseNumber: this.nextCaseNumber }
        : { contactId: `contact-${input.callId}` },
    );
  }
  enqueue(request: Parameters<IvrServices['enqueue']>[0]): Promise<QueueWait> {
    this.queued.push(request);
    const updates = [...this.queueUpdates];
    return Promise.resolve({
      next: () => Promise.resolve(updates.shift() ?? { kind: 'gone' }),
      abandon: () => {
        this.abandoned += 1;
        return Promise.resolve();
      },
    });
  }
  requestCallback(input: { callId: string }): Promise<void> {
    this.callbacks.push(input.callId);
    return Promise.resolve();
  }
  recordSurveyAnswer(input: Parameters<IvrServices['recordSurveyAnswer']>[0]): Promise<void> {
    this.answers.push(input);
    return Promise.resolve();
  }
}
