import { redactPersonalText } from './redact-personal-text';

describe('redactPersonalText', () => {
  it('removes mobile numbers written with spaces, dashes or a country code', () => {
    expect(redactPersonalText('请回电13800138000或138-0013-8000，+86 139 0000 1111')).toBe(
      '请回电[电话]或[电话]，[电话]',
    );
  });

  it('removes landline numbers with an area code', () => {
    expect(redactPersonalText('座机0591-87654321，办公室02112345678')).toBe('座机[电话]，办公室[电话]');
  });

  it('removes identity card numbers whole, not as a phone number inside them', () => {
    expect(redactPersonalText('身份证35010219900101123X已提交')).toBe('身份证[身份证号]已提交');
  });

  it('removes e-mail addresses and bank card numbers', () => {
    expect(redactPersonalText('邮箱 wang.li@example.cn，卡号6222021234567890123')).toBe(
      '邮箱 [邮箱]，卡号[卡号]',
    );
  });

  it("removes the citizen's own name wherever it stands", () => {
    expect(redactPersonalText('王小明反映：王小明家楼下噪音', ['王小明'])).toBe(
      '[姓名]反映：[姓名]家楼下噪音',
    );
  });

  it('takes a common surname before a form of address as a name: 王先生, 欧阳女士, 李师傅', () => {
    expect(redactPersonalText('王先生反映，欧阳女士和李师傅到场，这位先生和老师傅都说好')).toBe(
      '[姓名]先生反映，[姓名]女士和[姓名]师傅到场，这位先生和老师傅都说好',
    );
  });

  it('keeps ordinary numbers: house numbers, dates, amounts', () => {
    const text = '鼓楼区东街88号3栋，2026年11月停水2天，费用120元';
    expect(redactPersonalText(text, ['王'])).toBe(text);
  });
});
