import type { CaseCommand, CaseEvent } from '@hotline/contracts';
import type { Decider } from '@hotline/infra/command';
import type { CaseLookups } from './case.context';
import { decide } from './case.decide';
import { evolve } from './case.evolve';
import { initialCaseState, type CaseState } from './case.state';

/** The case aggregate (工单): stream `case-<caseId>`. */
export const caseDecider: Decider<CaseCommand, CaseEvent, CaseState, CaseLookups> = {
  decide,
  evolve,
  initialState: initialCaseState,
};
