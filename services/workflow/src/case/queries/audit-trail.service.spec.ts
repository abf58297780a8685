import { ListCaseAuditTrail } from '@hotline/contracts';
import { auditFilter } from './audit-trail.service';

const query = (viewer: { role: string; districtId: string }, rest: Record<string, unknown> = {}) =>
  ListCaseAuditTrail.schema.parse({
    viewer: { actor: { id: 'user:auditor', role: viewer.role }, districtId: viewer.districtId },
    ...rest,
  });

describe('the audit trail filter', () => {
  it('reads the whole city for a city-wide viewer and one district for a district viewer', () => {
    expect(auditFilter(query({ role: 'center', districtId: 'city' }))).toEqual({});
    expect(auditFilter(query({ role: 'center', districtId: 'gulou' }))).toEqual({
      $and: [{ districtId: 'gulou' }],
    });
  });

  it('finds who acted by username, actor id or name, what they did and when', () => {
    const filter = auditFilter(
      query(
        { role: 'center', districtId: 'city' },
        { who: 'leader', type: 'CaseLeaderInstructionRecorded', from: '2026-12-06T00:00:00+08:00' },
      ),
    );
    expect(filter).toEqual({
      $and: [
        { $or: [{ actorId: 'leader' }, { actorId: 'user:leader' }, { actorName: 'leader' }] },
        { type: 'CaseLeaderInstructionRecorded' },
        { at: { $gte: '2026-12-05T16:00:00.000Z' } },
      ],
    });
  });

  it('refuses an event type that is no case event, naming it', () => {
    expect(
      ListCaseAuditTrail.schema.safeParse(query({ role: 'center', districtId: 'city' }, {})).success,
    ).toBe(true);
    const parsed = ListCaseAuditTrail.schema.safeParse({
      viewer: { actor: { id: 'a', role: 'center' }, districtId: 'city' },
      type: 'DROP TABLE',
    });
    expect(parsed.success).toBe(false);
  });
});
