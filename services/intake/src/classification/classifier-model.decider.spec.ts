import { systemActor } from '@hotline/contracts';
import { deciderSpec } from '../testing/decider-spec';
import { ClassifierModelError, classifierModelDecider } from './classifier-model.decider';

const trained = {
  version: '202612062130-start',
  reason: 'start' as const,
  trainedAt: '2026-12-06T21:30:00.000Z',
  window: { cases: 0 },
  corpusExamples: 1113,
  thresholds: { emergency: 0.46, notAccepted: 0.74, autoRegister: 0.93 },
  trainingMs: 3500,
};

describe('classifier model decider', () => {
  const spec = deciderSpec(classifierModelDecider);

  it('records a request to train from the center', () => {
    spec
      .given([])
      .when(
        { type: 'TrainClassifier', data: { note: 'new categories' } },
        { actor: { id: 'center-1', role: 'center' } },
      )
      .then([{ type: 'ClassifierTrainingRequested', data: { note: 'new categories' } }]);
  });

  it('refuses a request to train from an agent', () => {
    spec
      .given([])
      .when({ type: 'TrainClassifier', data: {} }, { actor: { id: 'agent-7', role: 'agent' } })
      .thenRejects(ClassifierModelError.RoleNotAllowed, /center/);
  });

  it('records the model the platform put in force', () => {
    spec
      .given([])
      .when({ type: 'RecordModel', data: trained }, { actor: systemActor('intake-classifier') })
      .then([{ type: 'ClassifierModelTrained', data: trained }]);
  });
});
