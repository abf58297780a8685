import { ClientId } from '@hotline/contracts';
import { platformCallId } from './call-id';

describe('platformCallId', () => {
  it('keeps a SIP Call-ID the platform’s ids allow', () => {
    expect(platformCallId('a84b4c76e66710')).toBe('a84b4c76e66710');
  });

  it('turns Call-IDs with @ and other characters into distinct valid ids', () => {
    const ids = ['1-4418@127.0.0.5', '1-4418.127.0.0.5', '@@', 'x'.repeat(300), 'f81d4fae/7dec{11d0}'].map(
      platformCallId,
    );
    for (const id of ids) expect(ClientId.safeParse(id).success).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toMatch(/^1-4418.127.0.0.5-[0-9a-f]{16}$/);
  });
});
