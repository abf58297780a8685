import { normalizeChinesePhone } from '@hotline/contracts';

/**
 * The four sampling frames of an opinion poll (民主评议, seed 000 篇二): numbers the evaluated
 * departments supplied (their service users), the hotline's own callers, enterprises (from the
 * market, quality and tax bureaus), and carrier numbers by district.
 */
export const SAMPLING_FRAMES = ['department', 'hotline', 'enterprise', 'carrier'] as const;
export type SamplingFrame = (typeof SAMPLING_FRAMES)[number];

export interface FrameEntry {
  /** Canonical phone number. */
  phone: string;
  district: string;
  /** The evaluated unit the number belongs to (department frames). */
  unitId?: string;
}

/** Why a line was not kept: a screen says it in its own language from the code and the value. */
export type RejectionCode = 'phone' | 'district' | 'unit' | 'duplicate' | 'in-frame';

export interface RejectedLine {
  /** 1-based line number in the file. */
  line: number;
  code: RejectionCode;
  /** The field at fault, cut short. */
  value: string;
  reason: string;
}

export interface ParsedFrame {
  entries: FrameEntry[];
  /** The 1-based line number of each kept entry. */
  lines: number[];
  rejected: RejectedLine[];
}

/** A header line: Excel exports from the departments name the column in Chinese. */
const HEADER = /^(phone|号码|电话|手机|联系电话|电话号码|手机号码)(,|$)/i;
const DISTRICT = /^[a-z][a-z0-9-]{0,39}$/;
const UNIT = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** A field quoted in a reason, cut short: a reason stays one readable line whatever the file holds. */
const short = (field: string): string => (field.length > 40 ? `${field.slice(0, 40)}…` : field);
const quoted = (field: string): string => `"${short(field)}"`;

/**
 * Parses a frame file, one number a line: `phone,district[,unitId]`, further columns (a name) ignored
 * (a header line naming the phone column, `phone` or 号码/电话/手机, and blank lines are skipped). Every invalid line is reported with its number and the
 * reason, and the valid ones are kept; a number seen before in the file is a duplicate. A part of a
 * bigger file starts at its `firstLine`: its lines are numbered as in the file.
 */
export function parseFrameFile(text: string, firstLine = 1): ParsedFrame {
  const entries: FrameEntry[] = [];
  const kept: number[] = [];
  const rejected: RejectedLine[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = firstLine + index;
    const content = raw.trim();
    if (content === '' || (line === 1 && HEADER.test(content))) return;
    const [phoneText = '', district = '', unitId] = content.split(',').map((field) => field.trim());
    const phone = normalizeChinesePhone(phoneText);
    if (phone === undefined) {
      rejected.push({
        line,
        code: 'phone',
        value: short(phoneText),
        reason: `${quoted(phoneText)} is not a Chinese mobile or landline number`,
      });
    } else if (!DISTRICT.test(district)) {
      rejected.push({
        line,
        code: 'district',
        value: short(district),
        reason: `${quoted(district)} is not a district id`,
      });
    } else if (unitId !== undefined && unitId !== '' && !UNIT.test(unitId)) {
      rejected.push({
        line,
        code: 'unit',
        value: short(unitId),
        reason: `${quoted(unitId)} is not a unit id`,
      });
    } else if (seen.has(phone)) {
      rejected.push({ line, code: 'duplicate', value: phone, reason: `${phone} is already in the file` });
    } else {
      seen.add(phone);
      entries.push({ phone, district, ...(unitId ? { unitId } : {}) });
      kept.push(line);
    }
  });
  return { entries, lines: kept, rejected };
}
