import { CONTACT_CATEGORY, contactEvents } from '@hotline/contracts';
import { defineAggregate } from '@hotline/infra/command';
import { contactDecider } from './contact.decider';

/** A contact (`contact-<contactId>`); its commands are the intake's decisions on it, not bus messages. */
export const contactAggregate = defineAggregate({
  category: CONTACT_CATEGORY,
  decider: contactDecider,
  events: contactEvents,
});
