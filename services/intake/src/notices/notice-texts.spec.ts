import { CaseNoticeKind } from '@hotline/contracts';
import { splitForUcs2 } from '../channels/sms/sms-text';
import { isOptOutWord, notBefore, noticeText } from './notice-texts';

const QUIET = { fromHour: 22, toHour: 8 };
/** Beijing wall-clock time as a UTC instant. */
const beijing = (iso: string): Date => new Date(`${iso}+08:00`);

describe('case notice texts', () => {
  it.each(CaseNoticeKind.options)(
    'fit one SMS of 70 UCS2 characters with the longest case number: %s',
    (kind) => {
      const text = noticeText(kind, '1234567890123456');
      expect([...text].length).toBeLessThanOrEqual(70);
      expect(text).toContain('1234567890123456');
      expect(splitForUcs2(text, 1)).toHaveLength(1);
      expect(noticeText(kind, '50000001', 'en')).toContain('50000001');
    },
  );

  it('split a longer text into concatenated parts of 67 characters', () => {
    const parts = splitForUcs2('长'.repeat(140), 9);
    expect(parts.map((p) => [...p.message].length)).toEqual([67, 67, 6]);
    expect(parts.map((p) => [...(p.udh ?? [])])).toEqual([1, 2, 3].map((seq) => [5, 0, 3, 9, 3, seq]));
  });

  it('recognise the opt-out words citizens text', () => {
    expect(['TD', ' td ', '退订', 'QXDY'].every(isOptOutWord)).toBe(true);
    expect(isOptOutWord('路灯坏了，退订了吗')).toBe(false);
  });
});

describe('quiet hours (Beijing time)', () => {
  it('send at once during the day', () => {
    const noon = beijing('2025-06-02T12:00:00');
    expect(notBefore('signed', noon, QUIET)).toEqual(noon);
    expect(notBefore('closed', beijing('2025-06-02T08:00:00'), QUIET)).toEqual(
      beijing('2025-06-02T08:00:00'),
    );
  });

  it('hold a notice from 22:00 to 08:00, over midnight too', () => {
    expect(notBefore('signed', beijing('2025-06-02T22:00:00'), QUIET)).toEqual(
      beijing('2025-06-03T08:00:00'),
    );
    expect(notBefore('completed', beijing('2025-06-02T23:59:00'), QUIET)).toEqual(
      beijing('2025-06-03T08:00:00'),
    );
    expect(notBefore('closed', beijing('2025-06-03T07:59:59'), QUIET)).toEqual(
      beijing('2025-06-03T08:00:00'),
    );
  });

  it('never hold the case number, and hold nothing when the hours are empty', () => {
    const late = beijing('2025-06-02T23:30:00');
    expect(notBefore('registered', late, QUIET)).toEqual(late);
    expect(notBefore('signed', late, { fromHour: 0, toHour: 0 })).toEqual(late);
  });

  it('hold within a window that does not cross midnight', () => {
    expect(notBefore('signed', beijing('2025-06-02T13:10:00'), { fromHour: 12, toHour: 14 })).toEqual(
      beijing('2025-06-02T14:00:00'),
    );
  });
});
