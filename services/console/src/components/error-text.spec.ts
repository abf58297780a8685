import { ApiError } from '../api/http';
import { format } from '../i18n/format';
import { mergeMessages } from '../i18n/messages';
import { errorText, WordedError } from './error-text';

const tOf = (locale: 'zh-CN' | 'en') => {
  const messages = mergeMessages(locale);
  return (key: string, vars?: Record<string, string | number>) => format(messages[key] ?? key, vars);
};

describe('errorText', () => {
  it("words a known code in the reader's language", () => {
    const error = new ApiError(404, 'NOT_FOUND', 'case nope-123 was not found');
    expect(errorText(error, tOf('zh-CN'), 'zh-CN')).toBe('没有找到，可能已被删除，或不在您的权限范围内。');
  });

  it("never shows the server's English message on a Chinese screen: the status speaks instead", () => {
    const error = new ApiError(422, 'SOMETHING_NEW', 'a rule nobody translated yet');
    expect(errorText(error, tOf('zh-CN'), 'zh-CN')).toBe('此操作不符合办理规则。');
    expect(errorText(error, tOf('en'), 'en')).toBe('a rule nobody translated yet');
  });

  it('shows a failure a screen already worded as it is', () => {
    expect(errorText(new WordedError('未查到该工单'), tOf('zh-CN'), 'zh-CN')).toBe('未查到该工单');
  });

  it('says the network failed for status 0, and something went wrong otherwise', () => {
    expect(errorText(new ApiError(0, 'network', 'Failed to fetch'), tOf('zh-CN'), 'zh-CN')).toBe(
      '无法连接服务器，请检查网络后重试。',
    );
    expect(errorText(new Error('boom'), tOf('zh-CN'), 'zh-CN')).toBe('出现未知错误，请重试。');
  });
});
