import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';

/** Splits Chinese text into words. */
export interface WordSegmenter {
  cut(text: string): string[];
}

let shared: Jieba | undefined;

/**
 * jieba (the Rust build, prebuilt for each platform; its dictionary ships in the package). The
 * dictionary takes ~80 ms to load, so one instance serves the process.
 */
export function jiebaSegmenter(): WordSegmenter {
  shared ??= Jieba.withDict(dict);
  const jieba = shared;
  return { cut: (text) => jieba.cut(text, false) };
}
