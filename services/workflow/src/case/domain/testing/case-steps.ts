import fc from 'fast-check';
import {
  caseCommands,
  parseOrThrow,
  type Actor,
  type CaseCommand,
  type CaseCommandType,
  type UnitDirectory,
  type WorkingCalendar,
} from '@hotline/contracts';
import type { CaseState } from '../case.state';
import { CASE_ID, actors } from './case-fixtures';

/** One random step: which command, how long after the previous one, and the choices it makes. */
export interface CaseStep {
  command: number;
  minutes: number;
  /** Most steps pick the actor and units a real user would; the rest pick anything. */
  plausible: boolean;
  picks: number[];
  flags: boolean[];
}

export const caseStep: fc.Arbitrary<CaseStep> = fc.record({
  command: fc.nat(),
  minutes: fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 240 }) },
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 2 * 1440 }) },
    { weight: 1, arbitrary: fc.integer({ min: 0, max: 10 * 1440 }) },
  ),
  plausible: fc.oneof(
    { weight: 3, arbitrary: fc.constant(true) },
    { weight: 1, arbitrary: fc.constant(false) },
  ),
  picks: fc.array(fc.nat({ max: 1000 }), { minLength: 6, maxLength: 6 }),
  flags: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
});

const TYPES = caseCommands.map((d) => d.type);

/** What a user would plausibly try in each status; implausible steps pick from every command. */
const LIKELY: Record<CaseState['status'], readonly CaseCommandType[]> = {
  none: ['RegisterCase'],
  registered: [
    ...([
      'DispatchCase',
      'DispatchCase',
      'DispatchCase',
      'DispatchCase',
      'DispatchCase',
      'DispatchCase',
    ] as const),
    'DispatchCaseToFallbackUnit',
    'AnswerCaseAtIntake',
    'DeclineCase',
    'MergeCase',
    'ReportCaseToLeader',
    'RecordCaseRepeatContact',
  ],
  dispatched: [
    'SignCase',
    'SignCase',
    'ReturnCase',
    'RedispatchCase',
    'SubmitCoHandlerReply',
    'LinkDuplicateCase',
    'RecordCaseRepeatContact',
  ],
  returned: ['RedispatchCase', 'DispatchCaseToFallbackUnit'],
  signed: [
    'SubmitCaseReply',
    'SubmitCaseReply',
    'SubmitCoHandlerReply',
    'SignCase',
    'ReturnCase',
    // Twice: a district office must pass the case on within 12 hours, so many tries come too late.
    'SubDispatchCase',
    'SubDispatchCase',
    'RequestCaseExtension',
    'ApproveCaseExtension',
    'RejectCaseExtension',
    'RecordLeaderInstruction',
  ],
  replied: ['AcceptCaseReply', 'AcceptCaseReply', 'SendBackCaseReply'],
  completed: ['RecordCaseCallback', 'RecordCaseCallback', 'CloseCase', 'RedoCase'],
  closed: [
    'RecordLeaderInstruction',
    'LinkDuplicateCase',
    'CloseCase',
    'RecordCaseRepeatContact',
    'ReviewPublicRecord',
  ],
  declined: ['AnswerCaseAtIntake', 'LinkDuplicateCase'],
  merged: ['DispatchCase', 'LinkDuplicateCase'],
};
const UNIT_POOL = [
  'gulou',
  'taijiang',
  'housing-bureau',
  'water-group',
  'market-bureau',
  'gulou-dongjie',
  'fallback-office',
  'retired-unit',
  'nowhere',
];
const CATEGORIES = ['030101', '010102', '050101', '999999', '030100'];
const RATINGS = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;

export interface StepInput {
  command: CaseCommand;
  actor: Actor;
}

/** A command before its schema has parsed it (defaults not applied yet). */
interface RawInput {
  command: { type: CaseCommandType; data: unknown };
  actor: Actor;
}

/** Turns a step into a schema-valid command and its actor, looking at the state as a user would. */
export function commandOf(
  step: CaseStep,
  state: CaseState,
  now: Date,
  units: UnitDirectory,
  calendar: WorkingCalendar,
): StepInput {
  const candidates = step.plausible ? LIKELY[state.status] : TYPES;
  const type: CaseCommandType = candidates[step.command % candidates.length] ?? 'RegisterCase';
  const [p0 = 0, p1 = 0, p2 = 0, p3 = 0] = step.picks;
  const [f0 = false, f1 = false, f2 = false] = step.flags;
  const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;
  const record = state.status === 'none' ? undefined : state;
  const onCase = [record?.lead?.unitId, ...(record?.coHandlers ?? []).map((c) => c.unitId)].filter(
    (u) => u !== undefined,
  );
  const unitActor = actors.unit(step.plausible && onCase.length > 0 ? pick(onCase, p0) : pick(UNIT_POOL, p0));
  const anyone = pick([actors.agent, actors.center, actors.leader, actors.system, unitActor], p1);
  const staff = (...plausible: Actor[]) => (step.plausible ? pick(plausible, p1) : anyone);
  const unitPick = (i: number) => pick(step.plausible ? UNIT_POOL.slice(0, 5) : UNIT_POOL, i);
  const caseId = CASE_ID;
  const note = '说明';

  const build = (): RawInput => {
    switch (type) {
      case 'RegisterCase':
        return {
          actor: staff(actors.agent, actors.system),
          command: {
            type,
            data: {
              caseId,
              type: pick(['consult', 'complaint', 'report', 'suggestion', 'help', 'praise'] as const, p2),
              categoryCode: pick(step.plausible ? CATEGORIES.slice(0, 3) : CATEGORIES, p3),
              content: '来电反映问题',
              citizen: f0 ? { anonymous: true } : { name: '李女士', phone: '0591-87654321' },
              channel: 'phone',
              urgency: f1 && f2 ? 'urgent' : 'normal',
              simple: f1 && !f2 && f0,
            },
          },
        };
      case 'AnswerCaseAtIntake':
        return { actor: staff(actors.agent), command: { type, data: { caseId, answer: '直接答复' } } };
      case 'DeclineCase':
        return {
          actor: staff(actors.agent),
          command: { type, data: { caseId, reason: 'emergency-110', explanation: note } },
        };
      case 'MergeCase':
        return {
          actor: staff(actors.agent),
          command: { type, data: { caseId, masterCaseId: f0 ? caseId : 'case-0002' } },
        };
      case 'LinkDuplicateCase':
        return {
          actor: staff(actors.agent),
          command: { type, data: { caseId, duplicateCaseId: `case-${1000 + (p2 % 3)}` } },
        };
      case 'DispatchCase':
      case 'RedispatchCase': {
        const leadUnitId = unitPick(p2);
        const coHandlers = ['housing-bureau', 'market-bureau', 'water-group']
          .filter((u, i) => step.flags[i + 3] && (!step.plausible || u !== leadUnitId))
          .map((unitId, i) =>
            i === 0 && f0
              ? { unitId, dueAt: new Date(now.getTime() + (p3 % 5) * 86_400_000).toISOString() }
              : { unitId },
          );
        return {
          actor: staff(actors.agent, actors.center),
          command: { type, data: { caseId, leadUnitId, coHandlers } },
        };
      }
      case 'DispatchCaseToFallbackUnit':
        return {
          actor: staff(actors.center),
          command: {
            type,
            data: {
              caseId,
              unitId: f1 || !step.plausible ? unitPick(p2) : 'fallback-office',
              reason: f0 ? 'repeated-returns' : 'no-catalogue-match',
            },
          },
        };
      case 'SubDispatchCase': {
        const below = Object.values(units)
          .filter((u) => u.parentId === record?.lead?.unitId)
          .map((u) => u.id);
        const toUnitId = step.plausible && below.length > 0 ? pick(below, p2) : pick(UNIT_POOL, p2);
        return {
          actor: step.plausible && record?.lead ? actors.unit(record.lead.unitId) : unitActor,
          command: { type, data: { caseId, toUnitId } },
        };
      }
      case 'ReportCaseToLeader':
        return { actor: staff(actors.center), command: { type, data: { caseId, summary: note } } };
      case 'RecordLeaderInstruction':
        return { actor: staff(actors.leader), command: { type, data: { caseId, instruction: note } } };
      case 'SignCase':
        return { actor: unitActor, command: { type, data: { caseId } } };
      case 'ReturnCase':
        return {
          actor: unitActor,
          command: { type, data: { caseId, reason: 'not-responsible', explanation: note, basis: note } },
        };
      case 'RequestCaseExtension': {
        const dueAt = record?.dueAt !== undefined ? new Date(record.dueAt) : now;
        const room = (record?.limitWorkingDays ?? 0) - (record?.extendedWorkingDays ?? 0);
        const halfDays = step.plausible && room >= 0.5 ? 1 + (p2 % Math.floor(room * 2)) : p2 % 24;
        const requestedDueAt = calendar.addWorkingDays(dueAt, halfDays / 2).toISOString();
        const actor = step.plausible && record?.lead ? actors.unit(record.lead.unitId) : unitActor;
        return { actor, command: { type, data: { caseId, reason: note, requestedDueAt } } };
      }
      case 'ApproveCaseExtension':
        return { actor: staff(actors.center), command: { type, data: { caseId } } };
      case 'RejectCaseExtension':
        return { actor: staff(actors.center), command: { type, data: { caseId, reason: note } } };
      case 'SubmitCoHandlerReply':
        return { actor: unitActor, command: { type, data: { caseId, result: '协办意见', attachments: [] } } };
      case 'SubmitCaseReply': {
        const actor = step.plausible && record?.lead ? actors.unit(record.lead.unitId) : unitActor;
        return { actor, command: { type, data: { caseId, result: '办理结果', attachments: [] } } };
      }
      case 'AcceptCaseReply':
        return { actor: staff(actors.center), command: { type, data: { caseId } } };
      case 'SendBackCaseReply':
        return { actor: staff(actors.center), command: { type, data: { caseId, reason: note } } };
      case 'RecordCaseCallback':
        return {
          actor: staff(actors.agent, actors.system),
          command: f0
            ? { type, data: { caseId, reached: false } }
            : {
                type,
                data: {
                  caseId,
                  reached: true,
                  ratings: {
                    efficiency: pick(RATINGS, p2),
                    attitude: 'satisfied',
                    result: pick(RATINGS, p3),
                  },
                  unitAtFault: f1,
                },
              },
        };
      case 'CloseCase':
        return {
          actor: staff(actors.center, actors.system),
          command: {
            type,
            data: { caseId, ...(f2 ? { callbackWaiver: f0 ? 'anonymous' : 'citizen-declined' } : {}) },
          },
        };
      case 'RedoCase': {
        const previous = record?.coHandlers.map((c) => c.unitId) ?? [];
        const atFault = step.plausible
          ? previous.filter((_, index) => step.flags[index % step.flags.length])
          : f1
            ? [pick(UNIT_POOL, p2)]
            : [];
        return {
          actor: staff(actors.center),
          command: {
            type,
            data: { caseId, reason: note, coHandlers: atFault.map((unitId) => ({ unitId })) },
          },
        };
      }
      case 'RecordCaseRepeatContact':
        return {
          actor: staff(actors.system, actors.agent),
          // Few contact ids, so that redelivered contacts come up.
          command: { type, data: { caseId, contactId: `contact-${p2 % 4}`, automatic: f0 } },
        };
      case 'ReviewPublicRecord':
        return {
          actor: staff(actors.center),
          command: {
            type,
            data: f0
              ? { caseId, decision: 'publish' as const, content: note, answer: note }
              : { caseId, decision: 'withhold' as const, reason: note },
          },
        };
      default: {
        const unknown: never = type;
        throw new Error(`no step for ${String(unknown)}`);
      }
    }
  };

  const input = build();
  const definition = caseCommands.find((d) => d.type === input.command.type);
  if (!definition) throw new Error(`no definition for ${input.command.type}`);
  const data: unknown = parseOrThrow(definition.schema, input.command.data);
  return { actor: input.actor, command: { type: input.command.type, data } as CaseCommand };
}
