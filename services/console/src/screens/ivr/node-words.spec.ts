import { DEFAULT_IVR_FLOW, validateIvrFlow } from '@hotline/contracts';
import { format } from '../../i18n/format';
import { mergeMessages } from '../../i18n/messages';
import { withField } from './flow-edit';
import { nodeLabel, problemText, wayLabel } from './node-words';

const translate = (locale: 'zh-CN' | 'en') => {
  const messages = mergeMessages(locale);
  return (key: string, vars?: Record<string, string | number>) => format(messages[key] ?? key, vars);
};
const t = translate('zh-CN');
const { nodes } = DEFAULT_IVR_FLOW;

describe('a node and its refusals in words', () => {
  it('names a node by its title, else by its kind and the start of its words, never by its id', () => {
    expect(nodeLabel(nodes['main-menu']!, t, 'zh-CN')).toBe('主菜单');
    expect(nodeLabel(nodes['knowledge-household']!, t, 'zh-CN')).toBe('播放语音：户籍业务请携带身份证到辖…');
    expect(nodeLabel(nodes['knowledge-household']!, translate('en'), 'en')).toBe(
      'Play: Household registration: …',
    );
  });

  it('labels a way out by its key, or its outcome in words', () => {
    expect(wayLabel('*', t)).toBe('*');
    expect(wayLabel('fail', t)).toBe('超时或无效');
    expect(wayLabel('after-call', t)).toBe('坐席挂机后');
  });

  it('names the field the schema refuses by its label on the panel', () => {
    const bad = withField(DEFAULT_IVR_FLOW, 'enter-case-number', 'into', 'Case Number');
    const validation = validateIvrFlow(bad);
    if (validation.ok) throw new Error('the flow should be refused');
    expect(validation.problems.map((p) => [p.node, problemText(p, t)])).toEqual([
      ['enter-case-number', '“保存为变量”不符合要求。'],
    ]);
  });
});
