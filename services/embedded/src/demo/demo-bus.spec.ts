import { HotlineError } from '@hotline/contracts';
import { whileUnavailable } from './demo-bus';

const behind = () =>
  new HotlineError('unavailable', 'READ_MODEL_BEHIND', 'the case read models has not caught up');

describe('A demo request while a service answers "not now"', () => {
  it('is sent again until it is answered', async () => {
    let sent = 0;
    const reply = await whileUnavailable(() => {
      sent += 1;
      return sent < 3 ? Promise.reject(behind()) : Promise.resolve('answered');
    });
    expect(reply).toBe('answered');
    expect(sent).toBe(3);
  });

  it('gives up after its time with the last refusal', async () => {
    let sent = 0;
    const request = whileUnavailable(() => {
      sent += 1;
      return Promise.reject(behind());
    }, 250);
    await expect(request).rejects.toMatchObject({ code: 'READ_MODEL_BEHIND' });
    expect(sent).toBeGreaterThan(1);
  });

  it('is not sent again after a refusal for good (a rule, a missing case)', async () => {
    let sent = 0;
    const request = whileUnavailable(() => {
      sent += 1;
      return Promise.reject(new HotlineError('rule', 'CASE_CLOSED', 'the case is closed'));
    });
    await expect(request).rejects.toMatchObject({ code: 'CASE_CLOSED' });
    expect(sent).toBe(1);
  });
});
