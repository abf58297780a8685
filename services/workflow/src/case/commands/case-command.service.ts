import type { RecordedEvent } from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps, type CommandResult } from '@hotline/infra/command';
import { caseAggregate, type CaseCommandEnvelope } from '../domain/case.aggregate';
import type { CitySettingsSource } from '../../city-settings/city-settings-source';
import { deadlinesFor } from '../../city-settings/effective-settings';
import type { CaseNumberAllocator } from '../case-number/case-number-allocator';
import type { CaseNumberReservations } from '../case-number/case-number-reservations';
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
  /** A contact's reserved number goes to the case registered from it. */
  reservations: CaseNumberReservations;
  /** The configured settings overlaid with the city's own changes. */
  citySettings: CitySettingsSource;
}

/**
 * Handles every case command (parsed by its endpoint) the same way: load → decide → append on
 * `case-<caseId>`, one read of the stream, a number allocated for a new case. The district, roles and
 * units are checked by the decider.
 */
export class CaseCommandService {
  constructor(private readonly deps: CaseCommandServiceDeps) {}

  async execute(envelope: CaseCommandEnvelope): Promise<CaseCommandReply> {
    const { type, data } = envelope;
    const city = await this.deps.citySettings.snapshot();
    const units = await this.deps.units.snapshot();
    let first: RecordedEvent | undefined;
    let allocated: string | undefined;
    const result = await handleCommand(this.deps, {
      aggregate: caseAggregate,
      id: data.caseId,
      command: envelope,
      // From the one load of the case's stream: its registration (deadlines at the time) and, for a
      // new case, a number (kept across retries, so a conflict does not burn another).
      context: async ({ events }) => {
        first = events[0];
        if (envelope.type === 'RegisterCase' && !first) {
          allocated ??=
            (await this.deps.reservations.reservedFor(envelope.data.contactId)) ??
            (await this.deps.caseNumbers.next());
        }
        return {
          calendar: city.calendar,
          deadlines: deadlinesFor(this.deps.settings, city, first?.position),
          rules: this.deps.settings.rules,
          taxonomy: city.taxonomy,
          retiredCategories: city.retired,
          units,
          ...(allocated !== undefined && !first ? { caseNumber: allocated } : {}),
        };
      },
    });
    if (type !== 'RegisterCase') return { ...result, caseId: data.caseId };
    const caseNumber = result.idempotent ? caseNumberOf(first) : allocated;
    return { ...result, caseId: data.caseId, ...(caseNumber !== undefined ? { caseNumber } : {}) };
  }
}

const caseNumberOf = (event: RecordedEvent | undefined): string | undefined =>
  event?.type === 'CaseRegistered' ? (event.data as { caseNumber: string }).caseNumber : undefined;
