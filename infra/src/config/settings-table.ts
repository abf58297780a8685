import type { z } from 'zod';
import { settingInfo } from './setting-schema';

export interface SettingRow {
  name: string;
  /** As written in the environment; undefined when the setting has no default. */
  default: string | undefined;
  description: string;
  required: boolean;
  secret: boolean;
}

/** Every setting of a schema, in declaration order: the source of docs/operations.md. */
export function settingsTable(schema: z.ZodObject): SettingRow[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>).map(([name, field]) => ({
    name,
    ...settingInfo(name, field),
  }));
}

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** The rows as a Markdown table, so the operations guide can be generated and checked for drift. */
export function settingsMarkdown(rows: SettingRow[]): string {
  const lines = ['| setting | default | description |', '| --- | --- | --- |'];
  for (const row of rows) {
    const fallback =
      row.default !== undefined ? `\`${cell(row.default)}\`` : row.required ? '(required)' : '(unset)';
    const description = `${cell(row.description)}${row.secret ? ' (secret)' : ''}`;
    lines.push(`| \`${row.name}\` | ${fallback} | ${description} |`);
  }
  return `${lines.join('\n')}\n`;
}
