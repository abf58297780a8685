import { createHash } from 'node:crypto';
import { beijingHour } from '../periods/beijing-time';
import type { DailyDigest, DigestCase } from './daily-digest.service';

export interface DigestMail {
  subject: string;
  text: string;
}

const TOPIC_KINDS: Record<string, string> = { category: '分类', term: '关键词', place: '地点' };

const caseLine = (c: DigestCase): string => `  · ${c.caseNumber} ${c.summary}`;

/** A surge's hour (the instant it began) in Beijing time: `12月7日09时`. */
const when = (instant: string): string => {
  const hour = beijingHour(instant);
  return `${Number(hour.slice(5, 7))}月${Number(hour.slice(8, 10))}日${hour.slice(11, 13)}时`;
};

/** The digest as the leaders read it in their mail: plain text, Chinese, no ids or ISO timestamps. */
export function digestMail(digest: DailyDigest, categoryName: (code: string) => string): DigestMail {
  const [year, month, day] = digest.date.split('-').map(Number) as [number, number, number];
  const date = `${year}年${month}月${day}日`;
  const { counts } = digest;
  const topic = (kind: string, key: string) => (kind === 'category' ? categoryName(key) : key);
  const lines = [
    `12345政务服务便民热线 ${date}要情`,
    '',
    `一、总体情况：受理${counts.registered}件，办结${counts.completed}件，归档${counts.closed}件，` +
      `回访不满意${counts.dissatisfied}件，重复来电${counts.repeatContacts}次；当前超期未办结${digest.overdue}件。`,
    '',
    '二、热点诉求（近7日）：',
    ...(digest.hotTopics.length === 0
      ? ['  无']
      : digest.hotTopics.map(
          (t) => `  · ${TOPIC_KINDS[t.kind] ?? t.kind}「${topic(t.kind, t.key)}」${t.count}件`,
        )),
    '',
    '三、突发聚集（近24小时）：',
    ...(digest.surges.length === 0
      ? ['  无']
      : digest.surges.map(
          (s) =>
            `  · ${TOPIC_KINDS[s.kind] ?? s.kind}「${topic(s.kind, s.key)}」${when(s.hour)} ${s.count}件（常态约${Math.round(s.baselineMean)}件）`,
        )),
    '',
    '四、紧急及需领导关注的诉求：',
    ...(digest.serious.length === 0 ? ['  无'] : digest.serious.map(caseLine)),
    '',
    '五、超期未办结（最早到期的10件）：',
    ...(digest.overdueCases.length === 0 ? ['  无'] : digest.overdueCases.map(caseLine)),
    '',
    '六、近30日回访不满意：',
    ...(digest.dissatisfied.length === 0 ? ['  无'] : digest.dissatisfied.map(caseLine)),
  ];
  return { subject: `【12345要情】${date}`, text: lines.join('\n').slice(0, 4000) };
}

/** The notice id of one day's digest to one address: intake sends a notice id once, ever. */
export const digestNoticeId = (date: string, to: string): string =>
  `digest-${date}-${createHash('sha256').update(to.trim().toLowerCase()).digest('hex').slice(0, 16)}`;
