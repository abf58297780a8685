import { auditShareOf, drawnForAudit } from './audit-draw';

const cases = Array.from({ length: 20_000 }, (_, i) => `case-${i}`);

describe('audit draw', () => {
  it('draws the same cases from the same seed, whatever the order', () => {
    const first = cases.filter((id) => drawnForAudit('seed-2026', id, 0.05));
    const again = [...cases]
      .reverse()
      .filter((id) => drawnForAudit('seed-2026', id, 0.05))
      .reverse();
    expect(again).toEqual(first);
  });

  it('draws about the configured share, and other cases from another seed', () => {
    const first = cases.filter((id) => drawnForAudit('seed-2026', id, 0.05));
    const other = cases.filter((id) => drawnForAudit('seed-2027', id, 0.05));
    expect(first.length / cases.length).toBeGreaterThan(0.045);
    expect(first.length / cases.length).toBeLessThan(0.055);
    const overlap = other.filter((id) => first.includes(id)).length;
    expect(overlap).toBeLessThan(first.length / 4);
  });

  it('draws nothing at share 0 and everything at share 1', () => {
    expect(cases.slice(0, 100).some((id) => drawnForAudit('s', id, 0))).toBe(false);
    expect(cases.slice(0, 100).every((id) => drawnForAudit('s', id, 1))).toBe(true);
  });

  it("takes a unit's own share over the default, and nothing for a case without a unit", () => {
    const shares = { byUnit: { 'unit-water': 0.5 }, fallback: 0.05 };
    expect(auditShareOf(shares, 'unit-water')).toBe(0.5);
    expect(auditShareOf(shares, 'unit-roads')).toBe(0.05);
    expect(auditShareOf(shares, undefined)).toBe(0);
  });
});
