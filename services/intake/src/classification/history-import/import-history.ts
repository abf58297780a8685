import { systemActor, type CategoryTaxonomy } from '@hotline/contracts';
import { handleCommand, type CommandHandlerDeps } from '@hotline/infra/command';
import { historicalCaseAggregate } from './historical-case.aggregate';
import { mapColumns, validateRow } from './historical-row';
import type { Table } from './read-table';

export interface ImportReport {
  lines: number;
  imported: number;
  /** Already imported by an earlier run (same case number): left as they were. */
  alreadyImported: number;
  rejected: Array<{ line: number; reasons: string[] }>;
}

export interface ImportOptions {
  /** The file's name, recorded with each case. */
  file: string;
  taxonomy: CategoryTaxonomy;
  /** Told after every `progressEvery` lines. */
  onProgress?: (done: number, of: number) => void;
  progressEvery?: number;
}

/**
 * Imports the cases of a previous system's export: every line validated on its own (a bad line is
 * reported with its reasons and the others go in), each case appended once on its own stream, so
 * that running the same file again adds nothing. Line numbers count the header as line 1.
 */
export async function importHistory(
  deps: CommandHandlerDeps,
  table: Table,
  options: ImportOptions,
): Promise<ImportReport> {
  const [header = [], ...rows] = table;
  const { columns, missing } = mapColumns(header);
  const report: ImportReport = { lines: rows.length, imported: 0, alreadyImported: 0, rejected: [] };
  if (missing.length > 0) {
    report.rejected.push({ line: 1, reasons: missing.map((name) => `the header has no column ${name}`) });
    return report;
  }
  const every = options.progressEvery ?? 500;
  for (const [index, cells] of rows.entries()) {
    const line = index + 2;
    const checked = validateRow(cells, columns, options.taxonomy);
    if ('reasons' in checked) report.rejected.push({ line, reasons: checked.reasons });
    else {
      const { sourceId } = checked.row;
      const result = await handleCommand(deps, {
        aggregate: historicalCaseAggregate,
        id: sourceId,
        command: {
          commandId: `history-import-${sourceId}`,
          type: 'Import',
          data: { ...checked.row, importedFrom: { file: options.file, line } },
          metadata: {
            correlationId: `history-import-${options.file}`,
            actor: systemActor('history-import'),
            districtId: 'city',
          },
        },
      });
      if (result.events.length > 0 && !result.idempotent) report.imported++;
      else report.alreadyImported++;
    }
    if ((index + 1) % every === 0 || index + 1 === rows.length) options.onProgress?.(index + 1, rows.length);
  }
  return report;
}
