import type { AreaMessages, Locale } from './messages.types';
import admin from './admin';
import adminCategories from './admin-categories';
import agent from './agent';
import center from './center';
import centerPublicRecord from './center-public-record';
import centerSearch from './center-search';
import common from './common';
import dashboard from './dashboard';
import desk from './desk';
import dispatchBatch from './dispatch-batch';
import errors from './errors';
import escalation from './escalation';
import ivr from './ivr';
import liveAnnouncement from './live-announcement';
import knowledge from './knowledge';
import polls from './polls';
import pollRoundForm from './poll-round-form';
import portal from './portal';
import recordings from './recordings';
import reports from './reports';
import routingSettings from './routing-settings';
import skills from './skills';
import supervisor from './supervisor';
import survey from './survey';
import timeline from './timeline';
import unit from './unit';

/** Every area's messages; each area adds one import and one entry here. */
export const areas: Record<string, AreaMessages> = {
  common,
  portal,
  unit,
  desk,
  agent,
  center,
  centerSearch,
  centerPublicRecord,
  dispatchBatch,
  admin,
  adminCategories,
  routingSettings,
  ivr,
  liveAnnouncement,
  skills,
  supervisor,
  survey,
  polls,
  pollRoundForm,
  escalation,
  reports,
  recordings,
  dashboard,
  knowledge,
  timeline,
  errors,
};

export function mergeMessages(locale: Locale): Record<string, string> {
  return Object.assign({}, ...Object.values(areas).map((area) => area[locale])) as Record<string, string>;
}
