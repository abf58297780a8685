import { TrainClassifier } from '@hotline/contracts';
import { commandEndpoint, type BusEndpoint } from '@hotline/infra/bus';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { CLASSIFIER_MODEL_ID, classifierModelAggregate } from './classifier-model.aggregate';
import type { ClassifierTrainer } from './classifier-trainer';

/** Training the classifier on demand: the request is recorded, the training runs after the reply. */
export const classifierEndpoints = (deps: {
  commandDeps: CommandHandlerDeps;
  trainer: ClassifierTrainer;
}): BusEndpoint[] => [
  commandEndpoint(TrainClassifier, async (command) => {
    const result = await handleCommand(deps.commandDeps, {
      aggregate: classifierModelAggregate,
      id: CLASSIFIER_MODEL_ID,
      command,
    });
    if (!result.idempotent) void deps.trainer.retrain('on-demand');
    return result;
  }),
];
