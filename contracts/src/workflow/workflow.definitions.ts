import { CaseNumberBlockClaimed } from './case-number-block.events';
import {
  caseNumberReservationCommands,
  caseNumberReservationEvents,
} from './case-number-reservation.messages';
import { caseCommands, caseEvents } from './case.messages';
import { workflowQueries } from './queries/workflow.queries';
import { citySettingsCommands, citySettingsEvents } from './settings/city-settings.messages';
import { citySettingsQueries } from './settings/city-settings.queries';
import { dispatchCatalogueCommands, dispatchCatalogueEvents } from './units/dispatch-catalogue.messages';
import { unitCommands, unitEvents } from './units/unit.messages';
import { unitQueries } from './units/unit.queries';

/** Every command, event and query of the workflow service, for the platform registry. */
export const workflowDefinitions = [
  ...caseCommands,
  ...caseEvents,
  CaseNumberBlockClaimed,
  ...caseNumberReservationCommands,
  ...caseNumberReservationEvents,
  ...workflowQueries,
  ...unitCommands,
  ...unitEvents,
  ...dispatchCatalogueCommands,
  ...dispatchCatalogueEvents,
  ...unitQueries,
  ...citySettingsCommands,
  ...citySettingsEvents,
  ...citySettingsQueries,
] as const;
