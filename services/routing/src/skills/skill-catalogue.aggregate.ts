import { SKILL_CATALOGUE_CATEGORY, skillCatalogueCommands, skillCatalogueEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { skillCatalogueDecider } from './skill-catalogue.decider';

/** A router's skill catalogue: `skillCatalogue-<districtId>`, beside the router's own stream. */
export const skillCatalogueAggregate = defineAggregate({
  category: SKILL_CATALOGUE_CATEGORY,
  decider: skillCatalogueDecider,
  events: skillCatalogueEvents,
  commands: skillCatalogueCommands,
});
