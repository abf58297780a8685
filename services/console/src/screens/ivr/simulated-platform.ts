import type {
  IvrServices,
  PromptLanguage,
  QueueUpdate,
  SpokenCaseStatus,
  SubmittedRecording,
} from '@hotline/contracts';

/** What the simulated platform did for the test call, shown on its line. */
export type PlatformStep =
  | { kind: 'queued'; queueId: string }
  | { kind: 'case-looked-up'; caseNumber: string; status: SpokenCaseStatus }
  | { kind: 'recording-kept'; caseNumber?: string }
  | { kind: 'callback-requested' }
  | { kind: 'survey-answered'; answer: string };

export interface SimulationSettings {
  /** Inside the agents' hours on a working day, or outside them. */
  workingHours: boolean;
  /** The caller's number is on the blocklist. */
  blocked: boolean;
  /** The live announcement as callers hear it now (read from the sipapp), by language. */
  announcement?: { 'zh-CN': string; en?: string };
}

/** The sample a complaint recording is answered with: a reserved case number, read back. */
export const SAMPLE_CASE_NUMBER = '00012345';
/** Callers ahead in the queue before the simulated queue lets go of the call. */
const SAMPLE_AHEAD = 2;

/**
 * The platform behind the test call, simulated for the panel only (SIMULATED: no contact, case, queue
 * entry or survey answer is made): the queue answers "queued" after telling the position, a case lookup
 * answers "in progress" for any number, a confirmed complaint gets a sample case number, the calendar
 * is the panel's working-hours switch. Each step is reported, so the panel can say what would happen.
 */
export function simulatedPlatform(
  settings: SimulationSettings,
  step: (step: PlatformStep) => void,
): IvrServices {
  // 10:00 China time today: inside the shipped sessions; the switch decides the day.
  const now = new Date();
  now.setUTCHours(2, 0, 0, 0);
  return {
    now: () => now,
    isBlocked: () => Promise.resolve(settings.blocked),
    isWorkingDay: () => settings.workingHours,
    liveAnnouncement: (language: PromptLanguage) => {
      const text = settings.announcement;
      return Promise.resolve(
        text === undefined ? undefined : language === 'en' ? (text.en ?? text['zh-CN']) : text['zh-CN'],
      );
    },
    caseStatus: (caseNumber) => {
      step({ kind: 'case-looked-up', caseNumber, status: 'in-progress' });
      return Promise.resolve('in-progress');
    },
    submitRecording: ({ purpose }) => {
      const answer: SubmittedRecording = purpose === 'complaint' ? { caseNumber: SAMPLE_CASE_NUMBER } : {};
      step({ kind: 'recording-kept', ...answer });
      return Promise.resolve(answer);
    },
    enqueue: ({ queueId }) => {
      step({ kind: 'queued', queueId });
      const updates: QueueUpdate[] = [{ kind: 'position', ahead: SAMPLE_AHEAD }, { kind: 'gone' }];
      return Promise.resolve({
        next: () => Promise.resolve(updates.shift() ?? { kind: 'gone' }),
        abandon: () => Promise.resolve(),
      });
    },
    requestCallback: () => {
      step({ kind: 'callback-requested' });
      return Promise.resolve();
    },
    recordSurveyAnswer: ({ answer }) => {
      step({ kind: 'survey-answered', answer });
      return Promise.resolve();
    },
  };
}
