import { normalizeText, textRuns } from '../../text/normalize-text';
import { secondMatterAt } from './several-matters';
import type { WordSegmenter } from './word-segmenter';

/** A sparse feature vector: hashed feature indices and their values (L2-normalised). */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** 2^17 hashed features: few collisions for a city's vocabulary, 0.5 MB per class of a model. */
export const FEATURE_BITS = 17;
export const FEATURE_COUNT = 1 << FEATURE_BITS;

const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a over the UTF-16 units of `text` from `start` to `end`, continuing from `hash`. */
function feed(hash: number, text: string, start = 0, end = text.length): number {
  let h = hash;
  for (let i = start; i < end; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const masked = (hash: number) => (hash >>> 0) & (FEATURE_COUNT - 1);

/** A feature's index: FNV-1a of its name, masked to the feature space. */
const hashFeature = (name: string): number => masked(feed(FNV_OFFSET, name));

/**
 * The hash state after each kind's prefix (`c:` a character, `b:` a bigram, `t:` a trigram, `w:` a
 * word, `a:` a word of letters or digits): an n-gram's index is the prefix's state fed with its
 * characters, the same as hashing `b:其他`, without building the string.
 */
const PREFIX = {
  char: feed(FNV_OFFSET, 'c:'),
  bigram: feed(FNV_OFFSET, 'b:'),
  trigram: feed(FNV_OFFSET, 't:'),
  word: feed(FNV_OFFSET, 'w:'),
  alphanumeric: feed(FNV_OFFSET, 'a:'),
};

/** A word of two characters or more (one character outside the BMP is two UTF-16 units). */
const longerThanOne = (word: string) =>
  word.length > 2 || (word.length === 2 && (word.codePointAt(0) ?? 0) <= 0xffff);

/** Where each character of `text` starts (UTF-16 offsets), and its end. */
function characterStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = 0; i < text.length; i += (text.codePointAt(i) ?? 0) > 0xffff ? 2 : 1) starts.push(i);
  starts.push(text.length);
  return starts;
}

/** Texts longer than this are cut: a request's matter is in its first paragraphs. */
const MAX_CHARS = 1000;

/**
 * Where the features of the text being featurized add up, kept for the process: one sum per
 * feature (back to zero after each text) and the features touched. Featurizing allocates no map,
 * so a suggestion leaves little for the garbage collector, whose pauses are what a slow suggestion
 * waits on. At most 3 features a character, and the characters are cut at MAX_CHARS.
 */
const scratch = {
  sums: new Float64Array(FEATURE_COUNT),
  touched: new Int32Array(4 * MAX_CHARS + 64),
  size: 0,
};

/** A named feature outside the text (a rule that fired) and what it is worth. */
export interface NamedFeature {
  name: string;
  weight: number;
}

/**
 * The features of a text: its words (jieba), its characters, character bigrams and trigrams within
 * runs of Han characters, words of letters and digits (counts damped as 1 + log n, the vector
 * scaled to length 1), then named extra features (the rules that fired). What follows a second
 * matter ("另外还有个事…") counts `secondMatterWeight` of the rest: the case is the first matter.
 */
export function textFeatures(
  text: string,
  segmenter: WordSegmenter,
  extra: readonly NamedFeature[] = [],
  secondMatterWeight = 1,
): SparseVector {
  const normalized = normalizeText(text).slice(0, MAX_CHARS);
  const counts = scratch;
  const add = (hash: number, weight: number) => {
    if (weight <= 0) return;
    const index = masked(hash);
    if (counts.sums[index] === 0) counts.touched[counts.size++] = index;
    counts.sums[index]! += weight;
  };
  const addPart = (part: string, weight: number) => {
    for (const { han, text } of textRuns(part)) {
      if (!han) {
        add(feed(PREFIX.alphanumeric, text), weight);
        continue;
      }
      const at = characterStarts(text);
      const n = at.length - 1;
      for (let i = 0; i < n; i++) {
        add(feed(PREFIX.char, text, at[i], at[i + 1]), 0.5 * weight);
        if (i + 1 < n) add(feed(PREFIX.bigram, text, at[i], at[i + 2]), weight);
        if (i + 2 < n) add(feed(PREFIX.trigram, text, at[i], at[i + 3]), weight);
      }
      for (const word of segmenter.cut(text)) if (longerThanOne(word)) add(feed(PREFIX.word, word), weight);
    }
  };
  const second = secondMatterAt(normalized);
  try {
    addPart(normalized.slice(0, second), 1);
    if (second < normalized.length) addPart(normalized.slice(second), secondMatterWeight);
  } catch (error) {
    for (let i = 0; i < counts.size; i++) counts.sums[counts.touched[i]!] = 0;
    counts.size = 0;
    throw error;
  }
  const indices = counts.touched.slice(0, counts.size).sort();
  const values = new Float32Array(indices.length);
  let norm = 0;
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i]!;
    const count = counts.sums[index]!;
    counts.sums[index] = 0;
    // Damped as 1 + log n for a count of at least one; a lighter (second-matter) count stays below 1.
    const value = count >= 1 ? 1 + Math.log(count) : count;
    values[i] = value;
    norm += value * value;
  }
  counts.size = 0;
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i]! *= scale;
  return withExtra({ indices, values }, extra);
}

/**
 * Named features outside the text's normalisation, each worth its weight (the larger, when named
 * twice): a rule that fired counts the same in a short text and a long one.
 */
function withExtra(text: SparseVector, extra: readonly NamedFeature[]): SparseVector {
  if (extra.length === 0) return text;
  const byName = new Map<string, number>();
  for (const { name, weight } of extra) byName.set(name, Math.max(weight, byName.get(name) ?? 0));
  const weights = new Map<number, number>();
  for (const [name, weight] of byName) {
    const index = hashFeature(`r:${name}`);
    weights.set(index, (weights.get(index) ?? 0) + weight);
  }
  // The text's indices are sorted and the rules few: merge the two sorted lists.
  const added = Int32Array.from(weights.keys()).sort();
  const indices = new Int32Array(text.indices.length + added.length);
  const values = new Float32Array(indices.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < text.indices.length || j < added.length) {
    const a = i < text.indices.length ? text.indices[i]! : Infinity;
    const b = j < added.length ? added[j]! : Infinity;
    if (a <= b) {
      indices[n] = a;
      values[n] = text.values[i++]! + (a === b ? weights.get(added[j++]!)! : 0);
    } else {
      indices[n] = b;
      values[n] = weights.get(added[j++]!)!;
    }
    n++;
  }
  return { indices: indices.slice(0, n), values: values.slice(0, n) };
}
