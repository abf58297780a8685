import type { CaseTimelineEntry } from '@hotline/contracts';
import type { Translate } from '../i18n';

/** What the timeline needs to word a line: translations and the names of units, categories and instants. */
export interface TimelineWords {
  t: Translate;
  unitName: (unitId: string | undefined) => string;
  categoryName: (code: string | undefined) => string;
  instant: (at: string | undefined) => string;
}

export interface TimelineNote {
  label: string;
  text: string;
}

export interface TimelineLine {
  title: string;
  /** Who acted and in which role: "刘洋（热线办）", "住建局（承办人）". */
  who: string;
  text: string;
  notes: TimelineNote[];
  /** A case this line links to (a merge), by id. */
  linkedCaseId?: string;
}

const known = (t: Translate, key: string, fallback: string): string => {
  const text = t(key);
  return text === key ? fallback : text;
};

/** The actor of a line: their name when the event has it, else their unit, else their role. */
export function actorLabel(actor: CaseTimelineEntry['actor'], words: TimelineWords): string {
  const { t, unitName } = words;
  const role = actor.gatewayRole
    ? known(t, `role.${actor.gatewayRole}`, actor.gatewayRole)
    : known(t, `timeline.actor.${actor.role}`, actor.role);
  const unit = actor.unitId !== undefined ? unitName(actor.unitId) : undefined;
  if (actor.name !== undefined) {
    return t('timeline.who', { name: actor.name, role: unit !== undefined ? `${unit} · ${role}` : role });
  }
  if (unit !== undefined) return t('timeline.who', { name: unit, role });
  return role;
}

/** One timeline entry in the reader's language: no ids, no ISO instants, the actor's notes quoted. */
export function timelineLine(entry: CaseTimelineEntry, words: TimelineWords): TimelineLine {
  const { t, unitName, categoryName, instant } = words;
  const d = entry.details ?? {};
  const units = (d.units ?? []).map(unitName).join('、');
  const vars: Record<string, string | number> = {
    number: d.caseNumber ?? '',
    type: d.type !== undefined ? t(`type.${d.type}`) : '',
    category: categoryName(d.categoryCode),
    channel: d.channel !== undefined ? t(`channel.${d.channel}`) : '',
    units,
    unit: unitName(d.unitId),
    to: d.toUnitId !== undefined ? unitName(d.toUnitId) : t('timeline.theCenter'),
    role: d.role !== undefined ? t(`unit.role.${d.role}`) : '',
    due: instant(d.dueAt),
    days: d.workingDays !== undefined ? Math.round(d.workingDays * 10) / 10 : '',
    count: d.count ?? 0,
    reason: reasonText(entry.type, d.reason, t),
  };
  const key = lineKey(entry);
  const notes: TimelineNote[] = [];
  const quote = (label: string, text: string | undefined) => {
    if (text !== undefined && text.trim() !== '') notes.push({ label: t(label), text });
  };
  quote(`timeline.note.${entry.type}`, d.note);
  quote('timeline.note.basis', d.basis);
  quote('timeline.note.referral', d.referral);
  let text = t(key, vars);
  if (entry.type === 'CaseCallbackRecorded' && d.reached === true && d.ratings !== undefined) {
    const ratings = Object.entries(d.ratings)
      .map(
        ([dimension, rating]) =>
          `${t(`callback.${dimension}`)}${t('timeline.colon')}${t(`rating.${rating}`)}`,
      )
      .join(t('timeline.listSeparator'));
    text = t(d.redoRequired === true ? 'timeline.line.callbackRedo' : key, { ...vars, ratings });
  }
  return {
    title: known(t, `event.${entry.type}`, entry.type),
    who: actorLabel(entry.actor, words),
    text,
    notes,
    ...(d.linkedCaseId !== undefined ? { linkedCaseId: d.linkedCaseId } : {}),
  };
}

function lineKey(entry: CaseTimelineEntry): string {
  const d = entry.details ?? {};
  switch (entry.type) {
    case 'CaseCallbackRecorded':
      return d.reached === false ? 'timeline.line.callbackNotReached' : 'timeline.line.CaseCallbackRecorded';
    case 'CaseClosed':
      return d.reason !== undefined ? 'timeline.line.closedWaived' : 'timeline.line.CaseClosed';
    case 'CaseRedone':
      return d.underSupervision === true ? 'timeline.line.redoneSupervised' : 'timeline.line.CaseRedone';
    case 'CasePublicRecordReviewed':
      return d.decision === 'withhold'
        ? 'timeline.line.publicRecordWithheld'
        : 'timeline.line.CasePublicRecordReviewed';
    case 'CaseReplied':
    case 'CaseCoHandlerReplied':
      return (d.count ?? 0) > 0 ? `timeline.line.${entry.type}.attachments` : `timeline.line.${entry.type}`;
    default:
      return `timeline.line.${entry.type}`;
  }
}

function reasonText(type: string, reason: string | undefined, t: Translate): string {
  if (reason === undefined) return '';
  const prefix =
    type === 'CaseReturned'
      ? 'returnReason'
      : type === 'CaseDeclined'
        ? 'notAccepted'
        : type === 'CaseClosed'
          ? 'center.waiver'
          : 'timeline.fallbackReason';
  return known(t, `${prefix}.${reason}`, reason);
}
