import { z } from 'zod';
import { personal } from '../../messages/personal-data';
import { defineCommand, defineEvent } from '../../messages/define';
import { Note, UnitId, WORKFLOW_SERVICE } from '../case.values';
import { CanonicalPhoneNumber, ChinesePhoneNumber } from '../citizen';
import type { UnitLevel } from '../unit-hierarchy';

/** The stream category of handling units (`unit-<unitId>`). */
export const UNIT_CATEGORY = 'unit';

/** The schema of `UnitLevel` (unit-hierarchy.ts). */
export const UnitLevelSchema: z.ZodType<UnitLevel> = z.enum(['city', 'district', 'street', 'community']);

const contactFields = {
  /** 值班 duty desk, 领导 the unit's leader, 联络员 the liaison for the hotline. */
  role: z.enum(['duty', 'leader', 'liaison']),
  name: personal(z.string().trim().min(1).max(64)),
  email: personal(z.email().max(200)).optional(),
};
export const UnitContactInput = z.object({ ...contactFields, phone: ChinesePhoneNumber });
export const UnitContact = z.object({ ...contactFields, phone: personal(CanonicalPhoneNumber) });
export type UnitContact = z.infer<typeof UnitContact>;

const UnitName = z.string().trim().min(1).max(100);

export const RegisterUnit = defineCommand({
  type: 'RegisterUnit',
  service: WORKFLOW_SERVICE,
  summary: 'Register a handling unit (承办单位) under its parent: city → district → street → community.',
  schema: z.object({
    unitId: UnitId,
    name: UnitName,
    level: UnitLevelSchema,
    parentId: UnitId.optional(),
    /** 兜底单位: takes cases no catalogue entry matches or that were returned too often. */
    fallback: z.boolean().default(false),
    contacts: z.array(UnitContactInput).max(20).default([]),
  }),
});

export const UpdateUnitContacts = defineCommand({
  type: 'UpdateUnitContacts',
  service: WORKFLOW_SERVICE,
  summary: "Replace a unit's contacts (duty desk, leader, liaison).",
  schema: z.object({ unitId: UnitId, contacts: z.array(UnitContactInput).max(20) }),
});

export const DeactivateUnit = defineCommand({
  type: 'DeactivateUnit',
  service: WORKFLOW_SERVICE,
  summary: 'Stop dispatching to a unit (merged or dissolved); its cases stay where they are.',
  schema: z.object({ unitId: UnitId, reason: Note }),
});

export const UnitRegistered = defineEvent({
  type: 'UnitRegistered',
  version: 1,
  category: UNIT_CATEGORY,
  summary: 'A handling unit was registered.',
  schema: z.object({
    unitId: UnitId,
    name: UnitName,
    level: UnitLevelSchema,
    parentId: UnitId.optional(),
    fallback: z.boolean(),
    contacts: z.array(UnitContact),
  }),
});

export const UnitContactsUpdated = defineEvent({
  type: 'UnitContactsUpdated',
  version: 1,
  category: UNIT_CATEGORY,
  summary: "A unit's contacts were replaced.",
  schema: z.object({ unitId: UnitId, contacts: z.array(UnitContact) }),
});

export const UnitDeactivated = defineEvent({
  type: 'UnitDeactivated',
  version: 1,
  category: UNIT_CATEGORY,
  summary: 'A unit no longer takes cases.',
  schema: z.object({ unitId: UnitId, reason: Note }),
});

export const unitCommands = [RegisterUnit, UpdateUnitContacts, DeactivateUnit] as const;
export const unitEvents = [UnitRegistered, UnitContactsUpdated, UnitDeactivated] as const;
