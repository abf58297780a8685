import type { CaseAuditEntry } from '@hotline/contracts';
import { formatInstant } from '../../i18n/date-time';
import { format } from '../../i18n/format';
import { mergeMessages } from '../../i18n/messages';
import { auditCsv } from './audit-csv';

const messages = mergeMessages('zh-CN');
const words = {
  t: (key: string, vars?: Record<string, string | number>) => format(messages[key] ?? key, vars),
  unitName: (id: string | undefined) => (id === 'housing-bureau' ? '市住建局' : (id ?? '—')),
  categoryName: (code: string | undefined) => code ?? '—',
  instant: (at: string | undefined) => formatInstant(at, 'zh-CN'),
};

const entry: CaseAuditEntry = {
  eventId: 'e1',
  caseId: 'case-1',
  caseNumber: '00002996',
  revision: 3,
  type: 'CaseReplySentBack',
  at: '2026-12-06T17:30:00.000Z',
  actor: { id: 'user:center', role: 'center', gatewayRole: 'center', name: '演示热线办' },
  summary: 'Reply sent back to the unit',
  details: { note: '未说明门禁, 请补充 "修复" 情况' },
};

describe('auditCsv', () => {
  it('writes who did what when in Chinese, with the city time and the note quoted', () => {
    const csv = auditCsv([entry], words);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = csv.slice(1).trim().split('\r\n');
    expect(header).toBe('时间,操作人,操作,工单号,内容,说明');
    expect(row).toBe(
      '2026/12/07 01:30,演示热线办（热线办）,答复被退回,00002996,审核未通过，退回承办单位重新答复,' +
        '"退回原因：未说明门禁, 请补充 ""修复"" 情况"',
    );
  });
});
