import {
  DISPATCH_CATALOGUE_CATEGORY,
  dispatchCatalogueCommands,
  dispatchCatalogueEvents,
} from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { dispatchCatalogueDecider } from './dispatch-catalogue.decider';

/** A city's dispatch catalogue (`dispatchCatalogue-<catalogueId>`), versioned by its changes. */
export const dispatchCatalogueAggregate = defineAggregate({
  category: DISPATCH_CATALOGUE_CATEGORY,
  decider: dispatchCatalogueDecider,
  events: dispatchCatalogueEvents,
  commands: dispatchCatalogueCommands,
});
