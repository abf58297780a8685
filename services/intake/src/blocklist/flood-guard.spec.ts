import { FloodGuard } from './flood-guard';

const at = (seconds: number) => new Date(Date.UTC(2025, 5, 2, 2, 0, seconds));

describe('FloodGuard', () => {
  it('admits up to the allowance within the window, then refuses', () => {
    const guard = new FloodGuard({ maxPerWindow: 3, windowMs: 60_000 });
    expect([1, 2, 3, 4, 5].map((s) => guard.admit('13800138000', at(s)))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('admits again once the window has passed', () => {
    const guard = new FloodGuard({ maxPerWindow: 2, windowMs: 10_000 });
    guard.admit('a', at(0));
    guard.admit('a', at(1));
    expect(guard.admit('a', at(2))).toBe(false);
    expect(guard.admit('a', at(13))).toBe(true);
  });

  it('counts each sender on its own', () => {
    const guard = new FloodGuard({ maxPerWindow: 1, windowMs: 60_000 });
    expect(guard.admit('a', at(0))).toBe(true);
    expect(guard.admit('b', at(0))).toBe(true);
    expect(guard.admit('a', at(1))).toBe(false);
  });

  it('forgets the least recently seen sender beyond its capacity', () => {
    const guard = new FloodGuard({ maxPerWindow: 1, windowMs: 60_000, maxSenders: 2 });
    guard.admit('a', at(0));
    guard.admit('b', at(1));
    guard.admit('c', at(2));
    expect(guard.admit('a', at(3))).toBe(true);
    expect(guard.admit('c', at(4))).toBe(false);
  });

  it('rejects a malformed allowance naming the field', () => {
    expect(() => new FloodGuard({ maxPerWindow: 0, windowMs: 1 })).toThrow(/^maxPerWindow: /);
  });
});
