import { normalizeChinesePhone, ValidationError, type SearchCases } from '@hotline/contracts';
import type { Filter } from '@hotline/infra/read-store';
import type { z } from 'zod';
import { textTokens } from '../read-models/case-text-tokens';
import { colourFilter, overdueFilter, subDispatchOverdueFilter } from './case-colour-filters';

export type SearchCasesQuery = z.infer<(typeof SearchCases)['schema']>;

const isoZ = (instant: string): string => new Date(instant).toISOString();

const range = (from: string | undefined, to: string | undefined): Filter | undefined => {
  if (from === undefined && to === undefined) return undefined;
  return {
    ...(from !== undefined ? { $gte: isoZ(from) } : {}),
    ...(to !== undefined ? { $lte: isoZ(to) } : {}),
  };
};

/**
 * The read-store filter of a search within the viewer's `scope`. The first full-text token is a
 * top-level equality so that the in-memory store can use the `tokens` index; the rest go to `$all`.
 */
export function caseSearchFilter(
  query: SearchCasesQuery,
  scope: Filter,
  now: Date,
  yellowUntil: Date,
): Filter {
  const top: Filter = {};
  const and: Filter[] = Object.keys(scope).length > 0 ? [scope] : [];
  if (query.text !== undefined) {
    const [first, ...rest] = textTokens(query.text, 'query');
    if (first === undefined)
      throw new ValidationError('text', 'has no letters, digits or characters to search for');
    top.tokens = first;
    if (rest.length > 0) and.push({ tokens: { $all: rest } });
  }
  if (query.caseNumber !== undefined) and.push({ caseNumber: query.caseNumber });
  if (query.phone !== undefined) {
    const phone = normalizeChinesePhone(query.phone);
    if (phone === undefined) throw new ValidationError('phone', 'is not a Chinese mobile or landline number');
    and.push({ citizenPhone: phone });
  }
  if (query.citizenName !== undefined) and.push({ citizenName: query.citizenName });
  for (const flag of ['awaitingCallback', 'extensionPending', 'reportedToLeader', 'instructed'] as const) {
    const value = query[flag];
    if (value !== undefined) and.push({ [flag]: value });
  }
  if (query.status) and.push({ status: { $in: query.status } });
  if (query.type) and.push({ type: { $in: query.type } });
  if (query.channel) and.push({ channel: { $in: query.channel } });
  if (query.categoryCode !== undefined) and.push({ categoryPath: query.categoryCode });
  if (query.unitId !== undefined) and.push({ unitIds: query.unitId });
  if (query.districtId !== undefined) and.push({ districtId: query.districtId });
  const registered = range(query.registeredFrom, query.registeredTo);
  if (registered) and.push({ registeredAt: registered });
  const due = range(query.dueFrom, query.dueTo);
  if (due) and.push({ hasDeadline: true, deadlineAt: due });
  const nowIso = now.toISOString();
  if (query.colour !== undefined) and.push(colourFilter(query.colour, nowIso, yellowUntil.toISOString()));
  if (query.overdue === true) and.push(overdueFilter(nowIso));
  if (query.overdue === false) and.push({ $nor: [overdueFilter(nowIso)] });
  if (query.subDispatchOverdue === true) and.push(subDispatchOverdueFilter(nowIso));
  if (query.subDispatchOverdue === false) and.push({ $nor: [subDispatchOverdueFilter(nowIso)] });
  return and.length > 0 ? { ...top, $and: and } : top;
}
