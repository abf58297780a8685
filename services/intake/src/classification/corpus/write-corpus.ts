/** Writes corpus.jsonl from the templates and the hand-written items: `npx node -r @swc-node/register <this file>`. */
import { writeFileSync } from 'node:fs';
import { buildCorpus } from './build-corpus';
import { CORPUS_PATH } from './load-corpus';

const items = buildCorpus();
writeFileSync(CORPUS_PATH, items.map((item) => JSON.stringify(item)).join('\n') + '\n');
process.stdout.write(`wrote ${items.length} items to ${CORPUS_PATH}\n`);
