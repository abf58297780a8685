import {
  CITY_DISTRICT,
  HotlineError,
  WorkflowRole,
  type CommandEnvelope,
  type RecordedEvent,
} from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import { caseAggregate, type CaseCommandEnvelope } from '../domain/case.aggregate';
import type { CitySettingsSource } from '../../city-settings/city-settings-source';
import { deadlinesFor } from '../../city-settings/effective-settings';
import type { CaseNumberAllocator } from '../case-number/case-number-allocator';
import type { UnitDirectorySource } from '../../unit/unit-directory-source';
import type { WorkflowSettings } from '../../workflow-settings';

/** What a case command answers: the handling result, and for RegisterCase the case number. */
export interface CaseCommandReply extends CommandResult {
  caseId: string;
  caseNumber?: string;
}

export interface CaseCommandServiceDeps extends CommandHandlerDeps {
  settings: WorkflowSettings;
  units: UnitDirectorySource;
  caseNumbers: CaseNumberAllocator;
  /** The configured settings overlaid with the city's own changes. */
  citySettings: CitySettingsSource;
}

/**
 * Handles every case command (parsed by its endpoint) the same way: scope it to the case's district,
 * allocate a number for a new case, then load → decide → append on `case-<caseId>`. Roles and units
 * are checked by the decider.
 */
export class CaseCommandService {
  constructor(private readonly deps: CaseCommandServiceDeps) {}

  async execute(envelope: CaseCommandEnvelope): Promise<CaseCommandReply> {
    const { type, data } = envelope;
    const streamId = caseAggregate.streamId(data.caseId);
    const first = await this.firstEvent(streamId);
    const districtId = this.caseDistrict(first, envelope);
    const allocated = type === 'RegisterCase' && !first ? await this.deps.caseNumbers.next() : undefined;
    const city = await this.deps.citySettings.snapshot();
    const result = await handleCommand(this.deps, {
      aggregate: caseAggregate,
      id: data.caseId,
      command: { ...envelope, metadata: { ...envelope.metadata, districtId } },
      context: {
        calendar: city.calendar,
        deadlines: deadlinesFor(this.deps.settings, city, first?.position),
        rules: this.deps.settings.rules,
        taxonomy: city.taxonomy,
        retiredCategories: city.retired,
        units: await this.deps.units.snapshot(),
        ...(allocated !== undefined ? { caseNumber: allocated } : {}),
      },
    });
    if (type !== 'RegisterCase') return { ...result, caseId: data.caseId };
    const caseNumber = result.idempotent ? caseNumberOf(await this.firstEvent(streamId)) : allocated;
    return { ...result, caseId: data.caseId, ...(caseNumber !== undefined ? { caseNumber } : {}) };
  }

  private async firstEvent(streamId: string): Promise<RecordedEvent | undefined> {
    const [first] = await this.deps.store.readStreamOrEmpty(streamId, { maxCount: 1 });
    return first;
  }

  /**
   * Every event of a case carries the district it was registered in. Hotline staff of another
   * district may not act on it; the city-wide tenant may act on any. A handling unit's user may act
   * wherever the case was dispatched to its unit (the decider checks that), because the city
   * centre and the portal register cases for every district's units.
   */
  private caseDistrict(first: RecordedEvent | undefined, envelope: CommandEnvelope): string {
    const callerDistrict = envelope.metadata.districtId;
    if (!first) return callerDistrict;
    const caseDistrict = first.metadata.districtId;
    const unitUser = envelope.metadata.actor.role === WorkflowRole.Unit;
    if (!unitUser && callerDistrict !== CITY_DISTRICT && callerDistrict !== caseDistrict) {
      throw new HotlineError(
        'forbidden',
        'CASE_OUTSIDE_DISTRICT',
        `the case belongs to district ${caseDistrict}; district ${callerDistrict} cannot act on it`,
        undefined,
        { caseDistrict, callerDistrict },
      );
    }
    return caseDistrict;
  }
}

const caseNumberOf = (event: RecordedEvent | undefined): string | undefined =>
  event?.type === 'CaseRegistered' ? (event.data as { caseNumber: string }).caseNumber : undefined;
