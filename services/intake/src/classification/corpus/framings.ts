import type { CaseType } from '@hotline/contracts';

/** A place of the sample city and the district it lies in (none: the text names no place). */
export interface CorpusPlace {
  name: string;
  districtId?: string;
}

export const PLACES: readonly CorpusPlace[] = [
  { name: '' },
  { name: '' },
  { name: '我们小区' },
  { name: '鼓楼区五四路', districtId: 'gulou' },
  { name: '东街口', districtId: 'gulou' },
  { name: '南街街道宜井社区', districtId: 'gulou' },
  { name: '鼓楼三坊七巷附近', districtId: 'gulou' },
  { name: '台江区达道路', districtId: 'taijiang' },
  { name: '台江洋中路', districtId: 'taijiang' },
  { name: '莲花社区', districtId: 'taijiang' },
  { name: '仓山区金山大道', districtId: 'cangshan' },
  { name: '仓山临江街道', districtId: 'cangshan' },
  { name: '江滨社区', districtId: 'cangshan' },
];

/**
 * How each case type is framed, as citizens write and as agents type a call (来电人反映…). Slots:
 * {place}, {matter}, {wish}, {thanks}, {duration}, {nobody}.
 */
export const FRAMINGS: Readonly<Record<CaseType, readonly string[]>> = {
  complaint: [
    '{place}{matter}，{duration}了，{nobody}。',
    '我要投诉，{place}{matter}，{nobody}，请你们管一管！',
    '{matter}，{place}这边的，反映过好几次了一直没人处理，太不像话了',
    '来电人反映：{place}{matter}，要求相关部门尽快处理。',
    '市民来电投诉{place}{matter}，{duration}，诉求：尽快处理并回复。',
    '真的受不了了，{matter}，{nobody}，你们到底管不管',
  ],
  consult: [
    '请问{place}{matter}这种情况归哪个部门管？',
    '想咨询一下，{matter}，应该找谁啊？',
    '你好，我想问问，{matter}，有没有什么规定？一般怎么处理？',
    '来电人咨询：{matter}，应如何处理，需找哪个部门，请答复。',
    '{matter}，这个能不能处理？大概要多久？我问一下',
  ],
  report: [
    '我要举报，{place}{matter}，希望你们严查。',
    '实名举报：{place}{matter}，照片我都拍下来了。',
    '来电人举报{place}{matter}，请相关部门核查处理。',
    '举报一下啊，{matter}，就在{place}，你们去查查就知道了',
  ],
  suggestion: [
    '建议{wish}，现在很多人都有这个需要。',
    '我有个建议，希望{place}能{wish}。',
    '来电人建议：{wish}。',
    '能不能{wish}？我觉得这样对大家都方便。',
  ],
  help: [
    '求助！{place}{matter}，家里有老人小孩，实在没办法了，求你们帮帮忙',
    '{matter}，我一个人实在不知道怎么办了，请帮帮我',
    '来电人求助：{place}{matter}，生活受到严重影响，请尽快协调解决。',
  ],
  praise: [
    '我要表扬一下，{thanks}，谢谢你们！',
    '{thanks}，特地打电话来感谢，工作人员辛苦了',
    '来电人表扬：{thanks}，对处理结果非常满意。',
    '给你们点个赞，{thanks}，效率很高',
  ],
};

export const DURATIONS = ['一个多星期', '好几天', '半个多月', '两个月', '从上周开始', '很久'];
export const NOBODY = ['一直没人管', '打电话也没人理', '找了社区也没用', '物业说不归他们管', '没有任何答复'];

/** Citizen's ways of talking: what callers say before and after the matter. */
export const OPENERS = [
  '喂，你好，是12345吧？我跟你讲啊，',
  '我都打了好几次电话了，',
  '你好，',
  '哎呀，',
  '麻烦问一下，',
  '我是这边的居民，',
  '俺们那儿，',
  '那个啥，',
];
export const CLOSERS = [
  '，麻烦你们了',
  '，尽快啊，谢谢',
  '，我的电话就是这个号码',
  '，晓得不',
  '，搞么子嘛',
  '。',
];

/** Typos agents and citizens make (a sound-alike or a look-alike character). */
export const TYPOS: ReadonlyArray<[string, string]> = [
  ['红绿灯', '红路灯'],
  ['反映', '反应'],
  ['噪音', '燥音'],
  ['垃圾', '拉圾'],
  ['已经', '以经'],
  ['处理', '处里'],
  ['物业', '物叶'],
  ['工资', '公资'],
  ['投诉', '头诉'],
  ['路灯', '路等'],
  ['停电', '停点'],
  ['小区', '小去'],
];
