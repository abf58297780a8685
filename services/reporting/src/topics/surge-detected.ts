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

/** A surge's alert id: its kind, key and hour, so every replica and every restart names it alike. */
export const surgeAlertId = (surge: Pick<Surge, 'kind' | 'key' | 'hour'>): string =>
  createHash('sha256').update(`${surge.kind}|${surge.key}|${surge.hour}`).digest('hex').slice(0, 24);

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
