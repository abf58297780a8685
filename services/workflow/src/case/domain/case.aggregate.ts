import { CASE_CATEGORY, caseCommands, caseEvents } from '@hotline/contracts';
import { defineAggregate, type ParsedCommand } from '@hotline/infra/command';
import { caseDecider } from './case.decider';

/** The case (`case-<caseId>`): its decider with the versions and upcasters of its events. */
export const caseAggregate = defineAggregate({
  category: CASE_CATEGORY,
  decider: caseDecider,
  events: caseEvents,
  commands: caseCommands,
  keepsDistrict: true,
});

/** A case command as its endpoint parsed it. */
export type CaseCommandEnvelope = ParsedCommand<(typeof caseCommands)[number]>;
