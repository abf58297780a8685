import { CLASSIFIER_MODEL_CATEGORY, classifierModelEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { classifierModelDecider } from './classifier-model.decider';

/** The city's classifier models (`classifierModel-city`): requests to train and the models put in force. */
export const classifierModelAggregate = defineAggregate({
  category: CLASSIFIER_MODEL_CATEGORY,
  decider: classifierModelDecider,
  events: classifierModelEvents,
});

/** One stream per city. */
export const CLASSIFIER_MODEL_ID = 'city';
