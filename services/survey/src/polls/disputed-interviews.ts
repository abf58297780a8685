import type { EventStore } from '@hotline/infra/event-store';
import type { DisputedInterview } from './poll-dispute.decide';
import { pollInterviewAggregate } from './poll-interview.decider';

/**
 * The interviews a dispute reply names, read from their own streams: whether each counts (answered,
 * not struck by its audit) and its answers about the unit. An interview of another round is unknown.
 */
export async function disputedInterviews(
  store: EventStore,
  roundId: string,
  unitId: string,
  interviewIds: readonly string[],
): Promise<Map<string, DisputedInterview>> {
  const found = new Map<string, DisputedInterview>();
  for (const interviewId of new Set(interviewIds)) {
    if (!interviewId.startsWith(`${roundId}.`)) continue;
    const events = await store.readStreamOrEmpty(pollInterviewAggregate.streamId(interviewId));
    let counts = false;
    let answers: Record<string, string> | undefined;
    for (const event of events) {
      if (event.type === 'PollInterviewCompleted') {
        const { evaluations } = event.data as {
          evaluations: { unitId: string; answers: Record<string, string> }[];
        };
        counts = true;
        answers = evaluations.find((e) => e.unitId === unitId)?.answers;
      }
      if (event.type === 'PollInterviewAudited' && !(event.data as { upheld: boolean }).upheld)
        counts = false;
    }
    found.set(interviewId, { counts, ...(answers ? { answers } : {}) });
  }
  return found;
}
