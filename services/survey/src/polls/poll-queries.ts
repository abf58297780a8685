import {
  CITY_DISTRICT,
  HotlineError,
  NotFoundError,
  maskPhone,
  type Actor,
  type GetPollResults,
  type GetPollRound,
  type ListPollInterviews,
  type ListPollRounds,
  type PollQuestionnaire,
  type QueryViewer,
} from '@hotline/contracts';
import type { Filter } from '@hotline/infra/read-store';
import type { z } from 'zod';
import { SurveyCollection } from '../read-models/survey-collections';
import type { SurveyReadModels } from '../read-models/survey-read-models';
import { frameFileImports, type FrameImportDoc } from './frame-file-imports';
import { unitIndices, type UnitTally } from './poll-index';

type Params<D extends { schema: z.ZodType }> = z.output<D['schema']>;

/** The hotline's staff and leaders read the polls; a unit reads its own results only. */
const STAFF = new Set(['agent', 'supervisor', 'center', 'leader', 'system']);

function staffOnly(viewer: QueryViewer): void {
  if (!STAFF.has(viewer.actor.role))
    throw new HotlineError(
      'forbidden',
      'POLL_READ_FORBIDDEN',
      `role ${viewer.actor.role} cannot read poll rounds`,
    );
}

/**
 * Who dials the interviewees and so sees their numbers: the desk's agents (访问员) and the center's
 * staff. Supervisors, district and city admins, auditors and leaders read the rounds as the desk or
 * the center do but never call: the numbers are left out (and masked where a line quotes one).
 */
export const dialsInterviewees = (actor: Actor): boolean => {
  const role = actor.gatewayRole ?? actor.role;
  return role === 'agent' || role === 'center';
};

/** A rejected frame line as a reader who does not dial sees it: the number it quotes masked. */
function maskedLine<L extends { value: string; reason: string }>(line: L): L {
  const { value, reason } = line;
  if (!/\d{7,}/.test(value)) return line;
  const masked = maskPhone(value);
  return { ...line, value: masked, reason: reason.split(value).join(masked) };
}

const withoutInternals = <T extends Record<string, unknown>>({ _id, _pos, ...rest }: T) => rest;

interface RoundDoc extends Record<string, unknown> {
  roundId: string;
  questionnaire: PollQuestionnaire;
  verifyBy?: string;
}

/** The polls' queries, answered from the read models. */
export class PollQueries {
  constructor(private readonly readModels: SurveyReadModels) {}

  private collection(name: keyof typeof SurveyCollection) {
    return this.readModels.store.collection(SurveyCollection[name]);
  }

  private async round(roundId: string): Promise<RoundDoc> {
    const round = await this.collection('pollRounds').findOne<RoundDoc>({ _id: roundId });
    if (!round) throw new NotFoundError('poll round', roundId);
    return round;
  }

  async listRounds(query: Params<typeof ListPollRounds>) {
    if (query.viewer.actor.role !== 'unit') staffOnly(query.viewer);
    await this.readModels.waitFor('polls', query.minPosition);
    const rounds = await this.collection('pollRounds').find<RoundDoc>(
      {},
      { sort: { definedAt: -1 }, limit: 200 },
    );
    return {
      items: rounds.map(({ questionnaire, ...round }) => ({
        ...withoutInternals(round),
        units: questionnaire.units.length,
      })),
    };
  }

  async getRound(query: Params<typeof GetPollRound>) {
    staffOnly(query.viewer);
    await this.readModels.waitFor('polls', query.minPosition);
    const round = await this.round(query.roundId);
    const districtScope =
      query.viewer.districtId === CITY_DISTRICT ? {} : { district: query.viewer.districtId };
    const [imports, quotas] = await Promise.all([
      this.collection('pollFrameImports').find<FrameImportDoc & { _id: string; _pos: number }>(
        { roundId: query.roundId },
        { sort: { importedAt: 1 } },
      ),
      this.collection('pollQuotas').find(
        { roundId: query.roundId, ...districtScope },
        { sort: { district: 1, frame: 1 } },
      ),
    ]);
    const dials = dialsInterviewees(query.viewer.actor);
    return {
      ...withoutInternals(round),
      imports: frameFileImports(imports.map(({ _id, _pos, ...doc }) => doc)).map((item) =>
        dials ? item : { ...item, rejected: item.rejected.map(maskedLine) },
      ),
      quotas: quotas.map(withoutInternals),
    };
  }

  async listInterviews(query: Params<typeof ListPollInterviews>) {
    staffOnly(query.viewer);
    await this.readModels.waitFor('polls', query.minPosition);
    const filter: Filter = { roundId: query.roundId };
    if (query.viewer.districtId !== CITY_DISTRICT) filter.district = query.viewer.districtId;
    if (query.status) filter.status = { $in: query.status };
    if (query.audit !== undefined) filter.audit = query.audit;
    if (query.mine) filter.interviewerId = query.viewer.actor.id;
    const interviews = this.collection('pollInterviews');
    const [items, total] = await Promise.all([
      interviews.find(filter, { sort: { seq: 1 }, skip: query.offset, limit: query.limit }),
      interviews.countDocuments(filter),
    ]);
    // The number is the interviewer's to dial (and the center's); the others see the progress without it.
    const dials = dialsInterviewees(query.viewer.actor);
    return {
      items: items.map((item) => {
        const { phone: _phone, ...rest } = withoutInternals(item);
        return dials ? withoutInternals(item) : rest;
      }),
      total,
    };
  }

  async results(query: Params<typeof GetPollResults>) {
    const { actor } = query.viewer;
    if (actor.role === 'unit' && !actor.unitId)
      throw new HotlineError('forbidden', 'POLL_READ_FORBIDDEN', 'a unit user must name its unit');
    if (actor.role !== 'unit') staffOnly(query.viewer);
    await this.readModels.waitFor('polls', query.minPosition);
    const round = await this.round(query.roundId);
    const tallies = await this.collection('pollResults').find<UnitTally & { verification?: unknown }>({
      roundId: query.roundId,
    });
    const verifications = new Map(tallies.map((t) => [t.unitId, t.verification]));
    const rows = unitIndices(round.questionnaire, tallies).map((row) => ({
      ...row,
      ...(verifications.get(row.unitId) ? { verification: verifications.get(row.unitId) } : {}),
    }));
    return {
      roundId: round.roundId,
      title: round.title,
      status: round.status,
      ...(round.verifyBy ? { verifyBy: round.verifyBy } : {}),
      questions: round.questionnaire.questions,
      units: rows.length,
      // A unit sees its own row (with its rank) once published, never another unit's figures.
      rows:
        actor.role !== 'unit'
          ? rows
          : round.status === 'published'
            ? rows.filter((row) => row.unitId === actor.unitId)
            : [],
    };
  }
}
