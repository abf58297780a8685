import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import { RuleClassifier } from '../rule-classifier';
import { SAMPLE_CITY_DICTIONARY } from '../sample-city-dictionary';
import { trainWithCorpus } from './corpus-classifier';
import { LearnedClassifier } from './learned-classifier';
import { sampleCalibration } from './sample-calibration';

const taxonomy = new CategoryTaxonomy(SAMPLE_CATEGORIES);

describe('LearnedClassifier', () => {
  const retired = new Set<string>();
  const isActive = (code: string) => !retired.has(code);
  const rules = new RuleClassifier(SAMPLE_CITY_DICTIONARY, taxonomy, isActive);
  let classifier: LearnedClassifier;

  beforeAll(async () => {
    const trained = await trainWithCorpus(rules, [], sampleCalibration());
    classifier = new LearnedClassifier(rules, isActive, trained, 'test');
  }, 120_000);
  const classify = (content: string) => classifier.classifySync({ content });

  afterEach(() => retired.clear());

  it('suggests type, category, three categories and a unit with calibrated confidence', () => {
    const s = classify('我们小区门口的路灯坏了一个多星期，晚上黑灯瞎火的，一直没人修');
    expect(s).toMatchObject({ type: 'complaint', categoryCode: '010102', classifier: 'learned:test' });
    expect(s.categories?.[0]).toMatchObject({ code: '010102' });
    expect(s.categories?.length).toBe(3);
    expect(s.unit?.unitId).toBe('urban-management');
    expect(s.confidence).toBeGreaterThan(0.5);
    expect(s.confidence).toBeLessThanOrEqual(1);
  });

  it('never suggests a category the city retired, not even among the three', () => {
    const text = '我们小区门口的路灯坏了一个多星期，晚上黑灯瞎火的，一直没人修';
    retired.add('010102');
    const s = classify(text);
    expect(s.categoryCode).not.toBe('010102');
    expect(s.categories?.map((c) => c.code)).not.toContain('010102');
    expect(rules.classifySync({ content: text }).categoryCode).not.toBe('010102');
  });

  it('finds a stroke and a fire told in ordinary words, and a typo is still a traffic light', () => {
    expect(classify('我爸刚才倒地上了，叫他不应，嘴巴也歪了').emergency?.service).toBe('120');
    expect(classify('对面楼窗户往外冒火冒烟，好像有人在喊').emergency?.service).toBe('119');
    const light = classify('路口红路灯坏了好几天，车辆乱闯');
    expect(light.categoryCode).toBe('020201');
    expect(light.emergency).toBeUndefined();
  });

  it('raises no emergency for the near misses', () => {
    for (const text of [
      '家里燃气灶打不着火，做不了饭',
      '我们小区没有着火，就是烟感报警器一直响',
      '工厂的烟囱冒黑烟，一天到晚都在冒',
    ]) {
      expect(classify(text).emergency).toBeUndefined();
    }
  });

  it('recognises matters already in court, and does not refuse a question about how to go to court', () => {
    expect(classify('这个案子我已经起诉到法院了，你们帮我催一下').notAccepted?.reason).toBe(
      'in-legal-proceedings',
    );
    expect(classify('劳动仲裁怎么申请，要带什么材料').notAccepted).toBeUndefined();
  });

  it('gives no suggestion for text with nothing to classify, and never throws', () => {
    for (const content of ['', '   ', '🙏🙏🙏', '？！。', '👍']) {
      expect(classify(content)).toEqual({ confidence: 0, signals: [], classifier: 'learned:test' });
    }
    const long = classify('噪音'.repeat(50_000));
    expect(long.categoryCode).toBe('030101');
    expect(classify('Hello, the street light 路灯 is broken 😡').categoryCode).toBe('010102');
  });

  it('lets a rule the city marks as an override win over the model', () => {
    const dictionary = {
      ...SAMPLE_CITY_DICTIONARY,
      categories: [
        ...SAMPLE_CITY_DICTIONARY.categories,
        { code: '040103', keywords: ['路灯'], override: true },
      ],
    };
    const overriding = new RuleClassifier(dictionary, taxonomy);
    const learned = new LearnedClassifier(overriding, undefined, classifier.model, 'override');
    const s = learned.classifySync({ content: '路灯坏了一个多星期' });
    expect(s.categoryCode).toBe('040103');
    expect(s.confidence).toBe(0);
  });
});
