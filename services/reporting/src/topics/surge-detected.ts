import { createHash } from 'node:crypto';
import {
  CITY_DISTRICT,
  SURGE_CASE_NUMBERS_MAX,
  SurgeDetected,
  surgeStreamId,
  systemActor,
  type EventToAppend,
  type SurgeDetectedData,
} from '@hotline/contracts';
import { deriveEventId } from '@hotline/infra/command';
import type { Surge } from './hot-topics.service';

export const SURGE_ACTOR = systemActor('reporting-surges');

type SurgeIdentity = Pick<Surge, 'kind' | 'key' | 'hour'> & { districtId?: string };

/**
 * What names a surge: its kind, key and hour, and the district when its own counts surged (a city-wide
 * surge keeps the identity it had before districts were tested, so its alert is not sent again).
 */
export const surgeIdentity = (surge: SurgeIdentity): string =>
  [
    surge.kind,
    surge.key,
    surge.hour,
    ...(surge.districtId && surge.districtId !== CITY_DISTRICT ? [surge.districtId] : []),
  ].join('|');

/** A surge's alert id: from its identity, so every replica and every restart names it alike. */
export const surgeAlertId = (surge: SurgeIdentity): string =>
  createHash('sha256').update(surgeIdentity(surge)).digest('hex').slice(0, 24);

/**
 * The SurgeDetected event of a surge: the only event of its stream, with an id derived from the
 * alert id, so a second detection (the next check, another replica) appends nothing new.
 */
export function surgeDetectedEvent(
  surge: Surge,
  label: string,
  now: Date,
): { streamId: string; event: EventToAppend<SurgeDetectedData> } {
  const alertId = surgeAlertId(surge);
  const streamId = surgeStreamId(alertId);
  return {
    streamId,
    event: {
      id: deriveEventId(streamId, alertId, 0),
      type: SurgeDetected.type,
      version: SurgeDetected.version,
      time: now.toISOString(),
      data: {
        alertId,
        kind: surge.kind,
        key: surge.key,
        ...(surge.districtId !== CITY_DISTRICT ? { districtId: surge.districtId } : {}),
        label,
        hour: surge.hour,
        count: surge.count,
        baselineMean: surge.baselineMean,
        districtIds: surge.districtIds.slice(0, 100),
        caseCount: surge.caseNumbers.length,
        caseNumbers: surge.caseNumbers.slice(0, SURGE_CASE_NUMBERS_MAX),
        announcement: surge.announcement,
        detectedAt: now.toISOString(),
      },
      metadata: {
        correlationId: `surge-${alertId}`,
        causationId: `surge-${alertId}`,
        actor: SURGE_ACTOR,
        districtId: CITY_DISTRICT,
      },
    },
  };
}
