import { RuleViolation, type ClassifierModelCommand, type ClassifierModelEvent } from '@hotline/contracts';
import type { DecideContext, Decider } from '@hotline/infra/command';

export enum ClassifierModelError {
  RoleNotAllowed = 'CLASSIFIER_TRAINING_ROLE_NOT_ALLOWED',
}

export class ClassifierModelRuleViolation extends RuleViolation<ClassifierModelError> {}

type Trained = Extract<ClassifierModelEvent, { type: 'ClassifierModelTrained' }>;

/** The bus command, and the record of a model the trainer made (decided here so it goes through the store like any event). */
export type ClassifierModelDecision = ClassifierModelCommand | { type: 'RecordModel'; data: Trained['data'] };

export interface ClassifierModelState {
  version?: string;
}

/** Training is the center's (or an administrator's) call, and the platform's on its schedule. */
const TRAINERS = new Set(['center', 'admin', 'system']);

function decide(
  command: ClassifierModelDecision,
  _state: ClassifierModelState,
  context: DecideContext,
): ClassifierModelEvent[] {
  if (!TRAINERS.has(context.actor.role)) {
    throw new ClassifierModelRuleViolation(
      ClassifierModelError.RoleNotAllowed,
      `the classifier is trained by the center, not role ${context.actor.role}`,
    );
  }
  switch (command.type) {
    case 'TrainClassifier':
      return [{ type: 'ClassifierTrainingRequested', data: command.data }];
    case 'RecordModel':
      return [{ type: 'ClassifierModelTrained', data: command.data }];
    default: {
      const unknown: never = command;
      return unknown;
    }
  }
}

export const classifierModelDecider: Decider<
  ClassifierModelDecision,
  ClassifierModelEvent,
  ClassifierModelState
> = {
  initialState: () => ({}),
  evolve: (state, event) =>
    event.type === 'ClassifierModelTrained' ? { version: event.data.version } : state,
  decide,
};
