import type { Page } from 'playwright-core';

/** Words a Chinese screen may show: the product's name, the language switch's own name, CSV. */
const ALLOWED = new Set(['Hotline', 'English', 'CSV']);

/**
 * What a zh-CN screen shows that a Chinese reader should not see: ISO timestamps and English words
 * (three letters or more; unit codes such as `housing-bureau` and server messages among them).
 * Reads the visible text of the main content and the header, and the open dialogs.
 */
export async function foreignText(page: Page): Promise<string[]> {
  const text = await page.evaluate<string>('document.body.innerText');
  const iso = text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^\s]*/g) ?? [];
  const words = (text.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []).filter((word) => !ALLOWED.has(word));
  return [...new Set([...iso, ...words])];
}
