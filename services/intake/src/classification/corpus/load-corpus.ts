import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseOrThrow } from '@hotline/contracts';
import { CorpusItem, splitOf, type CorpusSplit } from './corpus-item';

export const CORPUS_PATH = join(__dirname, 'corpus.jsonl');

/** The labelled corpus (corpus.jsonl), or one side of its split. */
export function loadCorpus(split?: CorpusSplit): CorpusItem[] {
  const items = readFileSync(CORPUS_PATH, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => parseOrThrow(CorpusItem, JSON.parse(line), `corpus line ${i + 1}`));
  return split === undefined ? items : items.filter((item) => splitOf(item) === split);
}
