import type { CaseEvent } from '@hotline/contracts';
import { timelineDetails } from './case-timeline-details';

const event = (type: string, data: Record<string, unknown>) =>
  ({ type, data: { caseId: 'case-1', ...data } }) as unknown as CaseEvent;

const plan = {
  lead: { unitId: 'housing-bureau', signBy: 'x', returnBy: 'x' },
  coHandlers: [{ unitId: 'gulou', signBy: 'x', returnBy: 'x', dueAt: 'x' }],
  dueAt: '2026-12-18T09:30:00.000Z',
  limitWorkingDays: 10,
};

describe('timelineDetails', () => {
  it('carries the dispatch note, the units (lead first) and the deadline of a dispatch', () => {
    expect(timelineDetails(event('CaseDispatched', { ...plan, note: '请今日联系业主' }))).toEqual({
      units: ['housing-bureau', 'gulou'],
      dueAt: '2026-12-18T09:30:00.000Z',
      note: '请今日联系业主',
    });
  });

  it('carries the unit, the reason and the requested deadline of an extension request', () => {
    const requested = event('CaseExtensionRequested', {
      unitId: 'housing-bureau',
      reason: '等待配件',
      requestedDueAt: '2026-12-20T09:30:00.000Z',
      workingDays: 2,
    });
    expect(timelineDetails(requested)).toEqual({
      unitId: 'housing-bureau',
      note: '等待配件',
      dueAt: '2026-12-20T09:30:00.000Z',
      workingDays: 2,
    });
  });

  it('carries what the center and the leaders wrote as the note', () => {
    expect(timelineDetails(event('CaseReplySentBack', { reason: '未说明门禁' }))).toEqual({
      note: '未说明门禁',
    });
    expect(timelineDetails(event('CaseReportedToLeader', { summary: '高层停运' }))).toEqual({
      note: '高层停运',
    });
    expect(timelineDetails(event('CaseLeaderInstructionRecorded', { instruction: '两日内修复' }))).toEqual({
      note: '两日内修复',
    });
    expect(timelineDetails(event('CaseExtensionRejected', { reason: '可调拨' }))).toEqual({ note: '可调拨' });
  });

  it('carries the coded reason, the explanation and the basis of a return', () => {
    const returned = event('CaseReturned', {
      unitId: 'gulou',
      role: 'lead',
      reason: 'not-responsible',
      explanation: '属住建局职责',
      basis: '三定方案',
    });
    expect(timelineDetails(returned)).toEqual({
      unitId: 'gulou',
      role: 'lead',
      reason: 'not-responsible',
      note: '属住建局职责',
      basis: '三定方案',
    });
  });

  it('leaves optional notes out rather than empty', () => {
    expect(timelineDetails(event('CaseCompleted', {}))).toEqual({});
    expect(timelineDetails(event('CaseClosed', {}))).toEqual({});
  });
});
