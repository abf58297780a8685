import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import { RuleClassifier } from './rule-classifier';
import { SAMPLE_CITY_DICTIONARY } from './sample-city-dictionary';
import { bilingual, explainNotAccepted, explainReferral } from './citizen-explanations';

const taxonomy = new CategoryTaxonomy(SAMPLE_CATEGORIES);
const classifier = new RuleClassifier(SAMPLE_CITY_DICTIONARY, taxonomy);
const classify = (content: string) => classifier.classifySync({ content });

describe('RuleClassifier', () => {
  it('suggests type and category with the words that led to them', () => {
    const suggestion = classify('隔壁工地半夜施工，噪音太大，我要投诉');
    expect(suggestion).toMatchObject({
      type: 'complaint',
      categoryCode: '030101',
      classifier: 'rules:sample-fuzhou@2026.12',
    });
    expect(suggestion.signals).toEqual(expect.arrayContaining(['投诉', '半夜施工']));
    expect(suggestion.confidence).toBeGreaterThan(0.5);
  });

  it('gives no category and no confidence when nothing matches', () => {
    expect(classify('你好')).toMatchObject({ type: 'complaint', confidence: 0 });
    expect(classify('你好').categoryCode).toBeUndefined();
  });

  it('is less sure when two categories compete', () => {
    const clear = classify('小区路灯不亮，黑灯瞎火');
    const mixed = classify('小区路灯不亮，垃圾也没人清运');
    expect(mixed.confidence).toBeLessThan(clear.confidence);
  });

  it('flags an emergency in progress and refers it to the right number', () => {
    expect(classify('楼下饭店着火了，浓烟很大').emergency).toEqual({
      service: '119',
      signals: expect.arrayContaining(['着火']),
    });
    expect(classify('有人持刀抢劫').emergency?.service).toBe('110');
  });

  it('does not flag an emergency that is over or hypothetical', () => {
    expect(classify('上次着火以后物业一直没修好消防设施').emergency).toBeUndefined();
    expect(classify('消防通道被堵，万一着火怎么办').emergency).toBeUndefined();
  });

  it('applies the not-accepted rules', () => {
    expect(classify('这个案子法院已立案，你们帮我催一下').notAccepted?.reason).toBe('in-legal-proceedings');
    expect(classify('劳动仲裁怎么申请').notAccepted).toBeUndefined();
    expect(classify('上海浦东的商场卖假货').notAccepted?.reason).toBe('outside-jurisdiction');
    expect(classify('福州鼓楼区的商场卖的东西和上海的一样贵').notAccepted).toBeUndefined();
  });

  it('explains every not-accepted reason in Chinese and English', () => {
    expect(explainReferral('120').zh).toContain('120');
    expect(bilingual(explainNotAccepted('outside-jurisdiction'))).toMatch(/管辖[\s\S]*\n.*outside this city/);
  });

  it('rejects a dictionary whose category is not a leaf of the taxonomy, naming it', () => {
    const broken = { ...SAMPLE_CITY_DICTIONARY, categories: [{ code: '030100', keywords: ['污染'] }] };
    expect(() => new RuleClassifier(broken, taxonomy)).toThrow(
      /^dictionary\.categories\.0\.code: 030100 is not a leaf/,
    );
  });

  it('rejects a dictionary with a broken pattern, naming it', () => {
    const broken = {
      ...SAMPLE_CITY_DICTIONARY,
      emergencies: [{ service: '119' as const, patterns: ['(着火'] }],
    };
    expect(() => new RuleClassifier(broken, taxonomy)).toThrow(
      /^dictionary\.emergencies\.0\.patterns\.0: must be a valid regular expression/,
    );
  });
});
