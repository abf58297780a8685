import { parseOrThrow } from '../kernel/validate';
import { Citizen, CitizenInput } from './citizen';
import { normalizeChinesePhone, phoneLastFour } from './phone-number';

describe('Chinese phone numbers', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '13800138000'],
    ['8613800138000', '13800138000'],
    ['010-62345678', '010-62345678'],
    ['(010) 6512 3456', '010-65123456'],
    ['+86 10 6512 3456', '010-65123456'],
    ['0591-87654321', '0591-87654321'],
    ['059187654321', '0591-87654321'],
    ['0591 8765432', '0591-8765432'],
    ['0591-87654321-802', '0591-87654321-802'],
    ['0591-87654321 转 802', '0591-87654321-802'],
    ['021 5432 1098 ext. 12', '021-54321098-12'],
  ])('reads %s as %s', (raw, canonical) => {
    expect(normalizeChinesePhone(raw)).toBe(canonical);
  });

  it.each([
    ['12345', 'a service number'],
    ['12800138000', 'a mobile prefix that does not exist'],
    ['1380013800', 'a mobile number one digit short'],
    ['010-02345678', 'a subscriber number starting with 0'],
    ['13800138000-12', 'an extension on a mobile number'],
    ['phone', 'letters'],
    ['', 'nothing'],
  ])('rejects %s (%s)', (raw) => {
    expect(normalizeChinesePhone(raw)).toBeUndefined();
  });

  it('gives the last four digits of the subscriber number, ignoring an extension', () => {
    expect(phoneLastFour('13800138000')).toBe('8000');
    expect(phoneLastFour('0591-87654321-802')).toBe('4321');
  });
});

describe('Citizen', () => {
  it('normalises the phone number a command gives, and the result is valid as an event carries it', () => {
    const citizen = parseOrThrow(CitizenInput, { name: '王先生', phone: '+86 138 0013 8000' });
    expect(citizen).toEqual({ name: '王先生', phone: '13800138000', confidential: false, anonymous: false });
    expect(parseOrThrow(Citizen, citizen)).toEqual(citizen);
  });

  it('rejects a malformed phone number naming the field', () => {
    expect(() => parseOrThrow(CitizenInput, { name: '王先生', phone: '12345' }, 'data.citizen')).toThrow(
      /^data\.citizen\.phone: must be a Chinese mobile/,
    );
  });

  it('needs a name and a phone unless the citizen is anonymous', () => {
    expect(() => parseOrThrow(CitizenInput, { phone: '13800138000' }, 'citizen')).toThrow(/^citizen\.name: /);
    expect(parseOrThrow(CitizenInput, { anonymous: true })).toEqual({ confidential: false, anonymous: true });
  });

  it('accepts only canonical numbers in events', () => {
    expect(Citizen.safeParse({ name: '王', phone: '138 0013 8000' }).success).toBe(false);
  });
});
