import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

let shared: Jieba | undefined;

/** Words too common in citizens' requests to name a topic. */
const STOPWORDS = new Set(
  '我们 你们 他们 这个 那个 一个 没有 现在 已经 问题 反映 希望 要求 情况 相关 部门 处理 解决 市民 来电 咨询 投诉 请求 帮助 进行 可以 能够 是否 什么 怎么 如何 为什么 这样 还是 因为 所以 但是 而且 以及 或者 非常 目前 一直 多次 今天 昨天 每天 时候 地方 附近 导致 影响 严重 存在 需要 无法 不能 不是 就是 还有 自己 一下 知道 联系 工作 人员'.split(
    ' ',
  ),
);

const KEPT_TAGS = new Set(['n', 'nz', 'vn', 'v', 'an']);
const PLACE_WORD = /(?:省|市|区|县|镇|乡|村|街道|街|路|巷|社区|小区|号|栋|楼)$/;

/**
 * The keywords of a request: jieba's nouns and verbs of two characters or more, without place
 * names, stopwords and numbers, each once, at most eight (the dictionary loads once per process).
 */
export function keywordsOf(text: string): string[] {
  shared ??= Jieba.withDict(dict);
  const words = new Set<string>();
  for (const { word, tag } of shared.tag(text, false)) {
    // Nouns and verbs name the matter; place names (ns), people (nr), times and the rest do not.
    if (!KEPT_TAGS.has(tag)) continue;
    const trimmed = word.trim();
    if (trimmed.length < 2 || STOPWORDS.has(trimmed) || /^[\d\p{P}\s\w]+$/u.test(trimmed)) continue;
    // Places are counted as places: a district, street or estate name is not the matter.
    if (PLACE_WORD.test(trimmed)) continue;
    words.add(trimmed);
    if (words.size === 8) break;
  }
  return [...words];
}

// Longer endings first: at the same place 街道 wins over 街, 大道 over 道.
const PLACE_END = /^(.{2,24}?(?:街道|大道|社区|小区|广场|公园|花园|市场|学校|医院|路|街|巷|道|村))/;

/** The place a request is about, at the grain hot topics group by: the address up to its road, estate or landmark. */
export function placeKeyOf(address: string | null): string | undefined {
  if (!address) return undefined;
  const compact = address.replace(/\s+/g, '');
  return PLACE_END.exec(compact)?.[1] ?? compact.slice(0, 12);
}
