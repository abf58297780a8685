import { CaseType, type CategoryTaxonomy } from '@hotline/contracts';

/**
 * The columns of an export from a previous system, by their header (Chinese or English, any
 * order; other columns are ignored). docs/history-import.md documents them.
 */
export const HISTORY_COLUMNS = {
  sourceId: ['受理号', '工单号', 'case number'],
  registeredAt: ['受理时间', '登记时间', 'registered at'],
  content: ['诉求内容', '内容', 'content'],
  type: ['诉求类型', '类型', 'type'],
  categoryCode: ['分类编码', 'category code'],
  unitId: ['承办单位编码', 'unit id'],
} as const;

export type HistoryColumn = keyof typeof HISTORY_COLUMNS;
const REQUIRED: readonly HistoryColumn[] = ['sourceId', 'registeredAt', 'content', 'type'];

const TYPE_NAMES: Record<string, CaseType> = {
  咨询: 'consult',
  投诉: 'complaint',
  举报: 'report',
  建议: 'suggestion',
  求助: 'help',
  表扬: 'praise',
};

export interface HistoricalRow {
  sourceId: string;
  registeredAt: string;
  content: string;
  type: CaseType;
  categoryCode?: string;
  unitId?: string;
}

/** Where each known column is in the header; the required ones missing, by their first name. */
export function mapColumns(header: readonly string[]): {
  columns: Partial<Record<HistoryColumn, number>>;
  missing: string[];
} {
  const normalized = header.map((h) => h.trim().toLowerCase());
  const columns: Partial<Record<HistoryColumn, number>> = {};
  for (const [column, names] of Object.entries(HISTORY_COLUMNS) as Array<
    [HistoryColumn, readonly string[]]
  >) {
    const at = normalized.findIndex((h) => names.some((name) => name.toLowerCase() === h));
    if (at !== -1) columns[column] = at;
  }
  return {
    columns,
    missing: REQUIRED.filter((c) => columns[c] === undefined).map((c) => HISTORY_COLUMNS[c][0]),
  };
}

/** Excel keeps dates as days since 1899-12-30; exports also write `2021-03-04 09:30` or `2021/3/4 9:30` (Beijing time). */
function parseTime(value: string): string | undefined {
  if (/^\d+(\.\d+)?$/u.test(value)) {
    const ms = Math.round((Number(value) - 25569) * 86_400_000) - 8 * 3_600_000;
    return Number(value) > 1 ? new Date(ms).toISOString() : undefined;
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/u.exec(
    value,
  );
  if (!m) return undefined;
  const [y = 0, mo = 0, d = 0, h = 0, mi = 0, sec = 0] = m.slice(1).map((v) => Number(v ?? 0));
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59)
    return undefined;
  return new Date(Date.UTC(y, mo - 1, d, h - 8, mi, sec)).toISOString();
}

/** One line of the export as a historical case, or every reason it cannot be one. */
export function validateRow(
  cells: readonly string[],
  columns: Partial<Record<HistoryColumn, number>>,
  taxonomy: CategoryTaxonomy,
): { row: HistoricalRow } | { reasons: string[] } {
  const cell = (column: HistoryColumn) => {
    const at = columns[column];
    return at === undefined ? '' : (cells[at] ?? '').trim();
  };
  const reasons: string[] = [];
  const sourceId = cell('sourceId');
  if (!/^[\w-]{1,60}$/u.test(sourceId))
    reasons.push(`${HISTORY_COLUMNS.sourceId[0]}: "${sourceId}" is empty or not an id`);
  const registeredAt = parseTime(cell('registeredAt'));
  if (!registeredAt)
    reasons.push(`${HISTORY_COLUMNS.registeredAt[0]}: "${cell('registeredAt')}" is not a date and time`);
  const content = cell('content');
  if (content.length < 2 || content.length > 4000)
    reasons.push(`${HISTORY_COLUMNS.content[0]}: must hold 2 to 4000 characters`);
  const typeText = cell('type');
  const type = TYPE_NAMES[typeText] ?? CaseType.safeParse(typeText.toLowerCase()).data;
  if (!type)
    reasons.push(`${HISTORY_COLUMNS.type[0]}: "${typeText}" is none of 咨询 投诉 举报 建议 求助 表扬`);
  const categoryCode = cell('categoryCode');
  if (categoryCode && !taxonomy.isLeaf(categoryCode)) {
    reasons.push(`${HISTORY_COLUMNS.categoryCode[0]}: ${categoryCode} is not a leaf of the taxonomy`);
  }
  const unitId = cell('unitId');
  if (unitId && !/^[\w-]{1,60}$/u.test(unitId))
    reasons.push(`${HISTORY_COLUMNS.unitId[0]}: "${unitId}" is not a unit id`);
  if (reasons.length > 0 || !registeredAt || !type) return { reasons };
  return {
    row: {
      sourceId,
      registeredAt,
      content,
      type,
      ...(categoryCode ? { categoryCode } : {}),
      ...(unitId ? { unitId } : {}),
    },
  };
}
