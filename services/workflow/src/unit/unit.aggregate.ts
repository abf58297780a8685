import { UNIT_CATEGORY, unitCommands, unitEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { unitDecider } from './unit.decider';

/** A handling unit (`unit-<unitId>`). */
export const unitAggregate = defineAggregate({
  category: UNIT_CATEGORY,
  decider: unitDecider,
  events: unitEvents,
  commands: unitCommands,
});
