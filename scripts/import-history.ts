/**
 * Imports a previous system's cases (CSV or xlsx; columns in docs/history-import.md) into the
 * event store the platform is configured with (the same environment as the services):
 * `node -r @swc-node/register scripts/import-history.ts <file.csv|file.xlsx>`.
 * Safe to run again: a case already imported is left as it is. Exits 1 when a line was refused.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { CategoryTaxonomy, SAMPLE_CATEGORIES } from '@hotline/contracts';
import { loadConfig } from '@hotline/infra/config';
import { Platform, platformConfigSchema } from '@hotline/infra/platform';
import { importHistory, readCsv, readXlsx } from '@hotline/intake';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: import-history.ts <file.csv|file.xlsx>');
  const bytes = readFileSync(file);
  const table = extname(file).toLowerCase() === '.xlsx' ? readXlsx(bytes) : readCsv(bytes.toString('utf8'));
  const platform = await Platform.open(
    'history-import',
    loadConfig(platformConfigSchema, process.env, 'history-import'),
  );
  try {
    const report = await importHistory({ store: platform.eventStore, clock: platform.clock }, table, {
      file: basename(file),
      taxonomy: new CategoryTaxonomy(SAMPLE_CATEGORIES),
      onProgress: (done, of) => process.stdout.write(`${done} / ${of} lines\n`),
    });
    for (const { line, reasons } of report.rejected)
      process.stdout.write(`line ${line}: ${reasons.join('; ')}\n`);
    process.stdout.write(
      `${report.imported} imported, ${report.alreadyImported} already imported, ${report.rejected.length} refused, of ${report.lines} lines\n`,
    );
    process.exitCode = report.rejected.length > 0 ? 1 : 0;
  } finally {
    await platform.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exitCode = 2;
});
