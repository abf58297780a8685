import { Controller, Inject } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { INTAKE_SERVICE, TrainClassifier, commandSubject } from '@hotline/contracts';
import type { CommandHandlerDeps, CommandResult } from '@hotline/infra/command';
import { handleAggregateCommand } from '../aggregate-command';
import { INTAKE_COMMAND_DEPS } from '../intake-tokens';
import { CLASSIFIER_MODEL_STREAM, classifierModelDecider } from './classifier-model.decider';
import { ClassifierTrainer } from './classifier-trainer';

/** Training the classifier on demand: the request is recorded, the training runs after the reply. */
@Controller()
export class ClassifierController {
  constructor(
    @Inject(INTAKE_COMMAND_DEPS) private readonly deps: CommandHandlerDeps,
    private readonly trainer: ClassifierTrainer,
  ) {}

  @MessagePattern(commandSubject(INTAKE_SERVICE, TrainClassifier.type))
  async train(@Payload() payload: unknown): Promise<CommandResult> {
    const result = await handleAggregateCommand(
      this.deps,
      TrainClassifier,
      payload,
      classifierModelDecider,
      () => CLASSIFIER_MODEL_STREAM,
    );
    if (!result.idempotent) void this.trainer.retrain('on-demand');
    return result;
  }
}
