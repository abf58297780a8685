import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { parseOrThrow } from '@hotline/contracts';
import { completedBy } from './completed-by';
import { CorpusItem } from './corpus-item';
import { generateCorpus } from './generate-corpus';

const HandWritten = CorpusItem.pick({
  text: true,
  type: true,
  categoryCode: true,
  emergency: true,
  notAccepted: true,
}).extend({ district: z.string().optional() });

/** The hand-written items (hand-written.source.jsonl), each its own group, units from their district. */
export function handWrittenItems(): CorpusItem[] {
  const lines = readFileSync(join(__dirname, 'hand-written.source.jsonl'), 'utf8').split('\n');
  return lines
    .filter((line) => line.trim() !== '')
    .map((line, i) => {
      const { district, ...item } = parseOrThrow(HandWritten, JSON.parse(line), `hand-written line ${i + 1}`);
      const id = `h${String(i + 1).padStart(4, '0')}`;
      const unit =
        item.categoryCode && !item.emergency && !item.notAccepted
          ? completedBy(item.categoryCode, district)
          : undefined;
      return { id, ...item, ...(unit ? { unitId: unit } : {}), source: 'hand' as const, group: id };
    });
}

/** Two texts that differ only in punctuation and spacing are one request. */
const sameRequest = (text: string) => text.replace(/[^\p{L}\p{N}]/gu, '');

/** The whole corpus as written to corpus.jsonl: generated items, then hand-written ones, each request once. */
export function buildCorpus(): CorpusItem[] {
  const seen = new Set<string>();
  return [...generateCorpus(), ...handWrittenItems()].filter((item) => {
    const key = sameRequest(item.text);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
