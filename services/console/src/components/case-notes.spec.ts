import type { CaseTimelineEntry } from '@hotline/contracts';
import { caseNotes } from './case-notes';

let revision = 0;
const entry = (type: string, note?: string): CaseTimelineEntry => {
  revision += 1;
  return {
    eventId: `e${revision}`,
    revision,
    type,
    at: '2026-12-06T01:00:00.000Z',
    actor: { id: 'user:center', role: 'center' },
    summary: '',
    details: note !== undefined ? { note } : {},
  };
};
const kinds = (entries: CaseTimelineEntry[]) => caseNotes(entries).map((n) => `${n.kind}:${n.text}`);

describe('caseNotes', () => {
  it('shows the note of the dispatch in force, not an earlier one', () => {
    const entries = [
      entry('CaseRegistered'),
      entry('CaseDispatched', '先派住建局'),
      entry('CaseReturned', '不属本单位'),
      entry('CaseRedispatched', '改派鼓楼区'),
    ];
    expect(kinds(entries)).toEqual(['dispatch:改派鼓楼区']);
  });

  it('shows why a reply came back until the unit replies again', () => {
    const sentBack = [
      entry('CaseDispatched'),
      entry('CaseReplied'),
      entry('CaseReplySentBack', '未说明门禁'),
    ];
    expect(kinds(sentBack)).toEqual(['sentBack:未说明门禁']);
    expect(kinds([...sentBack, entry('CaseReplied')])).toEqual([]);
  });

  it("shows a pending extension's reason, then the center's decision instead", () => {
    const requested = [
      entry('CaseDispatched'),
      entry('CaseSigned'),
      entry('CaseExtensionRequested', '等配件'),
    ];
    expect(kinds(requested)).toEqual(['extensionReason:等配件']);
    expect(kinds([...requested, entry('CaseExtensionRejected', '可调拨')])).toEqual([
      'extensionDecision:可调拨',
    ]);
  });

  it("shows a unit's return explanation until the case is dispatched again", () => {
    const returned = [entry('CaseDispatched'), entry('CaseReturned', '属住建局职责')];
    expect(kinds(returned)).toEqual(['returned:属住建局职责']);
  });

  it('shows every instruction and report summary, instructions first', () => {
    const entries = [
      entry('CaseReportedToLeader', '高层停运'),
      entry('CaseLeaderInstructionRecorded', '两日内修复'),
      entry('CaseLeaderInstructionRecorded', '每日报进度'),
    ];
    expect(kinds(entries)).toEqual(['instruction:两日内修复', 'instruction:每日报进度', 'report:高层停运']);
  });

  it('leaves out notes that are blank', () => {
    expect(kinds([entry('CaseDispatched', '  ')])).toEqual([]);
  });
});
