import type { PostCallSurveyEvent, RecordedEvent } from '@hotline/contracts';
import type { Projection, ProjectionContext } from '@hotline/infra/projection';
import type { ReadStore } from '@hotline/infra/read-store';
import { SurveyCollection, chinaDay } from './survey-collections';

const SCORES = SurveyCollection.agentScores;

/** Post-call survey keys per agent and China day: counts of 1, 2 and 3. */
export const agentScoresProjection = (): Projection => ({
  name: 'survey-agent-scores',
  version: 1,
  collections: [SCORES],
  filter: { streamPrefixes: ['postCallSurvey-'] },
  async setup(store: ReadStore) {
    await store.collection(SCORES).createIndex({ day: 1, agentId: 1 });
  },
  handle(recorded: RecordedEvent, _store: ReadStore, context: ProjectionContext) {
    const event = { type: recorded.type, data: recorded.data } as PostCallSurveyEvent;
    const { agentId, score } = event.data;
    const day = chinaDay(recorded.time);
    context.guardedUpdate(SCORES, `${agentId}|${day}`, {
      $set: { agentId, day, districtId: recorded.metadata.districtId },
      $inc: { answered: 1, [`score${score}`]: 1 },
    });
    return Promise.resolve();
  },
});
