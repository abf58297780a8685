import type { AreaMessages, Locale } from './messages.types';
import admin from './admin';
import agent from './agent';
import center from './center';
import common from './common';
import desk from './desk';
import errors from './errors';
import portal from './portal';
import reports from './reports';
import supervisor from './supervisor';
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
  admin,
  supervisor,
  reports,
  timeline,
  errors,
};

export function mergeMessages(locale: Locale): Record<string, string> {
  return Object.assign({}, ...Object.values(areas).map((area) => area[locale])) as Record<string, string>;
}
