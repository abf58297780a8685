import { CASE_ESCALATION_CATEGORY, caseEscalationCommands, caseEscalationEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { caseEscalationDecider } from './case-escalation.decider';

export const caseEscalationAggregate = defineAggregate({
  category: CASE_ESCALATION_CATEGORY,
  decider: caseEscalationDecider,
  events: caseEscalationEvents,
  commands: caseEscalationCommands,
  keepsDistrict: true,
});
