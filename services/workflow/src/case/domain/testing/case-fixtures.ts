import {
  CategoryTaxonomy,
  DEFAULT_DEADLINE_POLICY,
  SAMPLE_CATEGORIES,
  WorkflowRole,
  chinaTime,
  chinaWorkingCalendar,
  formatCaseNumber,
  type Actor,
  type CaseEvent,
  type UnitDirectory,
  type UnitSnapshot,
} from '@hotline/contracts';
import { DEFAULT_CASE_RULES, type CaseContext } from '../case.context';

export const CASE_ID = 'case-0001';
export const CASE_NUMBER = formatCaseNumber(42_001);

/** `'2025-03-03 10:00'` (CST) as the ISO string events carry. */
export const cst = (local: string): string => {
  const [date = '', time = '00:00'] = local.split(' ');
  return chinaTime(date, time).toISOString();
};
export const at = (local: string): Date => new Date(cst(local));

const unit = (
  id: string,
  level: UnitSnapshot['level'],
  parentId?: string,
  extra: Partial<UnitSnapshot> = {},
) => ({
  [id]: { id, name: id, level, active: true, fallback: false, ...(parentId ? { parentId } : {}), ...extra },
});

export const UNITS: UnitDirectory = {
  ...unit('city', 'city'),
  ...unit('housing-bureau', 'city', 'city'),
  ...unit('water-group', 'city', 'city'),
  ...unit('market-bureau', 'city', 'city'),
  ...unit('gulou', 'district', 'city'),
  ...unit('gulou-dongjie', 'street', 'gulou'),
  ...unit('gulou-dongjie-sanfang', 'community', 'gulou-dongjie'),
  ...unit('taijiang', 'district', 'city'),
  ...unit('taijiang-cangxia', 'street', 'taijiang'),
  ...unit('fallback-office', 'city', 'city', { fallback: true }),
  ...unit('retired-unit', 'city', 'city', { active: false }),
};

export const actors = {
  agent: { id: 'agent-7', role: WorkflowRole.Agent } satisfies Actor,
  center: { id: 'center-2', role: WorkflowRole.Center } satisfies Actor,
  leader: { id: 'leader-1', role: WorkflowRole.Leader } satisfies Actor,
  system: { id: 'system:survey', role: WorkflowRole.System } satisfies Actor,
  unit: (unitId: string): Actor => ({ id: `${unitId}-clerk`, role: WorkflowRole.Unit, unitId }),
};

export const calendar = chinaWorkingCalendar();
export const taxonomy = new CategoryTaxonomy(SAMPLE_CATEGORIES);

/** Monday 3 March 2025, 09:00 in Beijing: an ordinary working week. */
export const T0 = '2025-03-03 09:00';

export const caseContext = (overrides: Partial<CaseContext> = {}): CaseContext => ({
  now: at(T0),
  actor: actors.agent,
  districtId: 'gulou',
  commandId: 'command-1',
  calendar,
  deadlines: DEFAULT_DEADLINE_POLICY,
  rules: DEFAULT_CASE_RULES,
  units: UNITS,
  taxonomy,
  caseNumber: CASE_NUMBER,
  ...overrides,
});

type EventData<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>['data'];
const event = <T extends CaseEvent['type']>(type: T, data: EventData<T>) =>
  ({ type, data }) as Extract<CaseEvent, { type: T }>;

/** Events with realistic defaults; deadlines as computed for a dispatch on Monday 3 March 2025 at 10:00. */
export const given = {
  registered: (data: Partial<EventData<'CaseRegistered'>> = {}) =>
    event('CaseRegistered', {
      caseId: CASE_ID,
      caseNumber: CASE_NUMBER,
      type: 'complaint',
      categoryCode: '030101',
      content: '小区旁工地夜间施工噪声扰民',
      citizen: { name: '王先生', phone: '13800138000', confidential: false, anonymous: false },
      channel: 'phone',
      attachments: [],
      urgency: 'normal',
      simple: false,
      convenienceList: false,
      dispatchBy: cst('2025-03-04 12:00'),
      ...data,
    }),
  dispatched: (data: Partial<EventData<'CaseDispatched'>> = {}) =>
    event('CaseDispatched', {
      caseId: CASE_ID,
      lead: {
        unitId: 'gulou',
        signBy: cst('2025-03-04 12:00'),
        returnBy: cst('2025-03-04 12:00'),
        // gulou is a district office: 12 hours to pass the case on to its streets.
        subDispatchBy: cst('2025-03-03 21:00'),
      },
      coHandlers: [],
      dueAt: cst('2025-03-17 12:00'),
      limitWorkingDays: 10,
      ...data,
    }),
  signed: (unitId = 'gulou', role: 'lead' | 'co-handler' = 'lead') =>
    event('CaseSigned', { caseId: CASE_ID, unitId, role }),
  returned: (unitId = 'gulou', data: Partial<EventData<'CaseReturned'>> = {}) =>
    event('CaseReturned', {
      caseId: CASE_ID,
      unitId,
      role: 'lead',
      reason: 'not-responsible',
      explanation: '不属于本单位职责',
      basis: '《福州市城市管理职责清单》第三条',
      ...data,
    }),
  redispatched: (unitId: string, previousLeadUnitId: string) =>
    event('CaseRedispatched', {
      ...given.dispatched().data,
      lead: { unitId, signBy: cst('2025-03-04 12:00'), returnBy: cst('2025-03-04 12:00') },
      previousLeadUnitId,
    }),
  replied: (unitId = 'gulou') =>
    event('CaseReplied', { caseId: CASE_ID, unitId, result: '已责令工地停止夜间施工', attachments: [] }),
  completed: () => event('CaseCompleted', { caseId: CASE_ID }),
  callback: (redoRequired: boolean) =>
    event('CaseCallbackRecorded', {
      caseId: CASE_ID,
      reached: true,
      ratings: {
        efficiency: 'satisfied',
        attitude: 'satisfied',
        result: redoRequired ? 'dissatisfied' : 'satisfied',
      },
      unitAtFault: redoRequired,
      redoRequired,
    }),
  redone: (redoCount: number) =>
    event('CaseRedone', {
      ...given.dispatched().data,
      reason: '回访不满意，责任在承办单位',
      redoCount,
      underSupervision: redoCount >= 2,
    }),
};

/** Registered, dispatched to gulou, signed, replied and accepted. */
export const completedCase = (): CaseEvent[] => [
  given.registered(),
  given.dispatched(),
  given.signed(),
  given.replied(),
  given.completed(),
];
