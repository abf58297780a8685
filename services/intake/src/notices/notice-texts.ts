import type { CaseNoticeKind } from '@hotline/contracts';

/**
 * What the citizen reads at each step of the case, zh-CN as sent, with the English locale beside
 * it. Every zh-CN text fits one SMS (70 UCS2 characters) with a case number of up to 16 digits; a
 * longer text would still go out split into parts of 67 (see `splitForUcs2`).
 */
const TEXTS: Readonly<Record<CaseNoticeKind, { zh: (n: string) => string; en: (n: string) => string }>> = {
  registered: {
    zh: (n) => `【12345】您的诉求已受理，受理号${n}，可凭受理号查询办理进度。回复TD退订`,
    en: (n) =>
      `[12345] Your request was registered as case ${n}; quote it to follow its progress. Reply TD to opt out`,
  },
  signed: {
    zh: (n) => `【12345】受理号${n}的诉求已由承办单位签收，正在办理。回复TD退订`,
    en: (n) =>
      `[12345] Case ${n} was accepted by the responsible unit and is being handled. Reply TD to opt out`,
  },
  completed: {
    zh: (n) => `【12345】受理号${n}的诉求已办结，我们将回访了解您是否满意。回复TD退订`,
    en: (n) =>
      `[12345] Case ${n} is completed; we will call you to ask whether you are satisfied. Reply TD to opt out`,
  },
  closed: {
    zh: (n) => `【12345】受理号${n}的诉求已结案，感谢您对12345热线的支持。回复TD退订`,
    en: (n) => `[12345] Case ${n} is closed. Thank you for contacting the 12345 hotline. Reply TD to opt out`,
  },
};

export const noticeText = (kind: CaseNoticeKind, caseNumber: string, locale: 'zh' | 'en' = 'zh'): string =>
  TEXTS[kind][locale](caseNumber);

/** The SMS words that opt a citizen out of notices (退订, as Chinese operators require them). */
const OPT_OUT_WORDS = new Set(['td', '退订', 'qxdy', '取消订阅']);

export const isOptOutWord = (text: string): boolean => OPT_OUT_WORDS.has(text.trim().toLowerCase());

export interface QuietHours {
  /** Hour (Beijing time, 0-23) from which no notice is sent... */
  fromHour: number;
  /** ...until this hour; the held notices go out then. */
  toHour: number;
}

/** Beijing time is UTC+8 all year. */
const BEIJING_OFFSET_MS = 8 * 3_600_000;
const HOUR_MS = 3_600_000;

/**
 * When a notice decided at `now` may be sent: at once, or at the end of the quiet hours. The case
 * number is exempt: the citizen has just written to us and waits for it.
 */
export function notBefore(kind: CaseNoticeKind, now: Date, quiet: QuietHours): Date {
  return kind === 'registered' ? now : quietHoursEnd(now, quiet);
}

/** `now` outside the quiet hours, else the moment they end: when any SMS but the case number may go out. */
export function quietHoursEnd(now: Date, quiet: QuietHours): Date {
  if (quiet.fromHour === quiet.toHour) return now;
  const local = now.getTime() + BEIJING_OFFSET_MS;
  const dayStart = local - (((local % (24 * HOUR_MS)) + 24 * HOUR_MS) % (24 * HOUR_MS));
  const hour = Math.floor((local - dayStart) / HOUR_MS);
  const wraps = quiet.fromHour > quiet.toHour;
  const quietNow = wraps
    ? hour >= quiet.fromHour || hour < quiet.toHour
    : hour >= quiet.fromHour && hour < quiet.toHour;
  if (!quietNow) return now;
  const endToday = dayStart + quiet.toHour * HOUR_MS;
  const end = endToday > local ? endToday : endToday + 24 * HOUR_MS;
  return new Date(end - BEIJING_OFFSET_MS);
}
