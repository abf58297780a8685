import { normalizeText, textRuns } from '../../text/normalize-text';
import type { WordSegmenter } from './word-segmenter';

/** A sparse feature vector: hashed feature indices and their values (L2-normalised). */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** 2^17 hashed features: few collisions for a city's vocabulary, 0.5 MB per class of a model. */
export const FEATURE_BITS = 17;
export const FEATURE_COUNT = 1 << FEATURE_BITS;

/** FNV-1a, masked to the feature space. */
function hashFeature(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) & (FEATURE_COUNT - 1);
}

/** Texts longer than this are cut: a request's matter is in its first paragraphs. */
const MAX_CHARS = 1000;

/**
 * The features of a text: its words (jieba), its characters, character bigrams and trigrams within
 * runs of Han characters, words of letters and digits (counts damped as 1 + log n, the vector
 * scaled to length 1), then named extra features (the rules that fired).
 */
export function textFeatures(
  text: string,
  segmenter: WordSegmenter,
  extra: readonly string[] = [],
  extraWeight = 1,
): SparseVector {
  const normalized = normalizeText(text).slice(0, MAX_CHARS);
  const counts = new Map<number, number>();
  const add = (name: string, weight = 1) => {
    const index = hashFeature(name);
    counts.set(index, (counts.get(index) ?? 0) + weight);
  };
  for (const run of textRuns(normalized)) {
    if (!run.han) {
      add(`a:${run.text}`);
      continue;
    }
    const chars = [...run.text];
    chars.forEach((char, i) => {
      add(`c:${char}`, 0.5);
      if (i + 1 < chars.length) add(`b:${char}${chars[i + 1]}`);
      if (i + 2 < chars.length) add(`t:${char}${chars[i + 1]}${chars[i + 2]}`);
    });
    for (const word of segmenter.cut(run.text)) if ([...word].length > 1) add(`w:${word}`);
  }
  const indices = Int32Array.from(counts.keys()).sort();
  const values = new Float32Array(indices.length);
  let norm = 0;
  indices.forEach((index, i) => {
    const value = 1 + Math.log(counts.get(index) ?? 1);
    values[i] = value;
    norm += value * value;
  });
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < values.length; i++) values[i] = (values[i] ?? 0) * scale;
  return withExtra({ indices, values }, extra, extraWeight);
}

/**
 * Named features outside the text's normalisation, each worth `weight`: a rule that fired counts
 * the same in a short text and a long one.
 */
function withExtra(text: SparseVector, extra: readonly string[], weight: number): SparseVector {
  if (extra.length === 0) return text;
  const merged = new Map<number, number>();
  text.indices.forEach((index, i) => merged.set(index, text.values[i] ?? 0));
  for (const name of new Set(extra)) {
    const index = hashFeature(`r:${name}`);
    merged.set(index, (merged.get(index) ?? 0) + weight);
  }
  const indices = Int32Array.from(merged.keys()).sort();
  return { indices, values: Float32Array.from(indices, (index) => merged.get(index) ?? 0) };
}
