import { deciderSpec } from '../testing/decider-spec';
import { TelephonyError } from './ivr-flow.errors';
import { liveAnnouncementDecider } from './live-announcement.decider';

const spec = deciderSpec(liveAnnouncementDecider);
const person = (gatewayRole: string, role = 'agent') => ({
  actor: { id: `user:${gatewayRole}`, role, gatewayRole },
});
const text = { 'zh-CN': '鼓楼区部分小区停电，正在抢修。', en: 'Power is out in parts of Gulou.' };
const set = {
  type: 'LiveAnnouncementSet' as const,
  data: { text, until: '2026-12-07T10:00:00.000Z', setBy: 'user:supervisor' },
};

describe('the live announcement', () => {
  it('is set by the supervisor seat until a time, and cleared by the hotline center', () => {
    spec
      .given([])
      .when(
        { type: 'SetLiveAnnouncement', data: { text, until: '2026-12-07T10:00:00.000Z' } },
        person('supervisor'),
      )
      .then([set]);
    spec
      .given([set])
      .when({ type: 'ClearLiveAnnouncement', data: {} }, person('center', 'center'))
      .then([{ type: 'LiveAnnouncementCleared', data: { clearedBy: 'user:center' } }]);
  });

  it('refuses an agent, an administrator and an auditor', () => {
    for (const gatewayRole of ['agent', 'city-admin', 'auditor']) {
      spec
        .given([])
        .when({ type: 'SetLiveAnnouncement', data: { text } }, person(gatewayRole, 'center'))
        .thenRejects(TelephonyError.RoleNotAllowed);
    }
  });

  it('refuses an end in the past, naming the field', () => {
    spec
      .given([])
      .when(
        { type: 'SetLiveAnnouncement', data: { text, until: '2026-12-07T01:00:00.000Z' } },
        person('supervisor'),
      )
      .thenRejects(TelephonyError.AnnouncementExpired, /^until: /);
  });
});
