import type { HotlineError } from '@hotline/contracts';
import { CommandAdmission } from './command-admission';

const SUBJECT = 'hotline.cmd.workflow.SignCase';

/** A command that runs until the test ends it. */
function held() {
  let end!: () => void;
  const ended = new Promise<void>((resolve) => (end = resolve));
  const ran: string[] = [];
  return { ran, end, work: (name: string) => () => (ran.push(name), ended.then(() => name)) };
}

describe('CommandAdmission', () => {
  it('runs a few commands at once, lets a few wait their turn, and refuses the rest at once', async () => {
    const admission = new CommandAdmission({ concurrent: 2, queued: 1 });
    const { ran, end, work } = held();
    const first = admission.run(SUBJECT, 5_000, work('first'));
    const second = admission.run(SUBJECT, 5_000, work('second'));
    const third = admission.run(SUBJECT, 5_000, work('third'));
    const fourth = admission.run(SUBJECT, 5_000, work('fourth'));
    await expect(fourth).rejects.toMatchObject({
      kind: 'unavailable',
      code: 'OVERLOADED',
      details: { retryAfterSeconds: 1 },
    });
    expect(ran).toEqual(['first', 'second']);
    end();
    await expect(Promise.all([first, second, third])).resolves.toEqual(['first', 'second', 'third']);
    expect(ran).toEqual(['first', 'second', 'third']);
  });

  it('never runs a command whose caller stopped waiting before its turn came', async () => {
    let now = 0;
    const admission = new CommandAdmission({ concurrent: 1, queued: 10 }, () => now);
    const { ran, end, work } = held();
    const running = admission.run(SUBJECT, 5_000, work('running'));
    const late = admission.run(SUBJECT, 5_000, work('late'));
    const patient = admission.run(SUBJECT, 60_000, work('patient'));
    now = 6_000;
    end();
    await running;
    const refusal = (await late.catch((error: unknown) => error)) as HotlineError;
    expect(refusal).toMatchObject({ kind: 'unavailable', code: 'OVERLOADED' });
    expect(refusal.message).toMatch(/not applied/);
    await expect(patient).resolves.toBe('patient');
    expect(ran).toEqual(['running', 'patient']);
  });

  it('hands a turn to the one waiting, not to a newcomer', async () => {
    const admission = new CommandAdmission({ concurrent: 1, queued: 1 });
    const { ran, end, work } = held();
    const first = admission.run(SUBJECT, undefined, work('first'));
    const waiting = admission.run(SUBJECT, undefined, work('waiting'));
    end();
    await first;
    // The turn is handed over synchronously: a newcomer now finds no free slot and the queue empty.
    const newcomer = admission.run(SUBJECT, undefined, work('newcomer'));
    await expect(waiting).resolves.toBe('waiting');
    await expect(newcomer).resolves.toBe('newcomer');
    expect(ran).toEqual(['first', 'waiting', 'newcomer']);
  });
});
