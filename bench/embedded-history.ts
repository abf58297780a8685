/**
 * Writes N cases' history into `<dir>/events.db` for profiling the embedded start by hand:
 * `node -r @swc-node/register bench/embedded-history.ts <dir> <cases>`, then
 * `HOTLINE_DATA_DIR=<dir> HOTLINE_DEMO=off node --cpu-prof -r @swc-node/register services/embedded/src/main.ts`.
 */
import { mkdirSync } from 'node:fs';
import { writeHistory } from './embedded-start.bench';

const [dir, cases] = process.argv.slice(2);
if (!dir || !cases) throw new Error('usage: embedded-history.ts <dir> <cases>');
mkdirSync(dir, { recursive: true });
void writeHistory(dir, Number(cases)).then((events) => console.log(`${events} events written to ${dir}`));
