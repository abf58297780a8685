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

export interface RejectedLine {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

export interface ParsedFrame {
  entries: FrameEntry[];
  rejected: RejectedLine[];
}

const DISTRICT = /^[a-z][a-z0-9-]{0,39}$/;

/**
 * Parses a frame file, one number a line: `phone,district[,unitId]` (a header line starting with
 * `phone` and blank lines are skipped). Every invalid line is reported with its number and the
 * reason, and the valid ones are kept; a number seen before in the file is a duplicate.
 */
export function parseFrameFile(text: string): ParsedFrame {
  const entries: FrameEntry[] = [];
  const rejected: RejectedLine[] = [];
  const seen = new Set<string>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trim();
    if (content === '' || (line === 1 && /^phone\b/i.test(content))) return;
    const [phoneText = '', district = '', unitId] = content.split(',').map((field) => field.trim());
    const phone = normalizeChinesePhone(phoneText);
    if (phone === undefined) {
      rejected.push({ line, reason: `"${phoneText}" is not a Chinese mobile or landline number` });
    } else if (!DISTRICT.test(district)) {
      rejected.push({ line, reason: `"${district}" is not a district id` });
    } else if (seen.has(phone)) {
      rejected.push({ line, reason: `${phone} is already in the file` });
    } else {
      seen.add(phone);
      entries.push({ phone, district, ...(unitId ? { unitId } : {}) });
    }
  });
  return { entries, rejected };
}
