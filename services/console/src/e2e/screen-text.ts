import type { Page } from 'playwright-core';

/**
 * Words a Chinese screen may show: the product's name, the language switch's own name, file formats
 * and text encodings as Chinese tools name them (`UTF-8` is matched as `UTF-`).
 */
const ALLOWED = new Set(['Hotline', 'English', 'CSV', 'Excel', 'PDF', 'GBK', 'UTF-', 'BOM']);

/**
 * What a zh-CN screen shows that a Chinese reader should not see: ISO timestamps and English words
 * (three letters or more; unit codes such as `housing-bureau` and server messages among them).
 * Reads the visible text of the main content and the header, and the open dialogs.
 */
export async function foreignText(page: Page): Promise<string[]> {
  // Verbatim text is left out: key caps (<kbd>: Ctrl, Alt, F2) as printed on the keyboard, and
  // <code>: a sign-in name as it is typed, a deployment setting's name as the operator sets it.
  const verbatim = await page.evaluate<string[]>(
    "[...document.querySelectorAll('kbd, code')].map((element) => element.innerText.trim())",
  );
  // Longest first, so `admin` does not leave the `city-` of `city-admin` behind.
  const text = [...verbatim]
    .sort((a, b) => b.length - a.length)
    .reduce(
      (rest, literal) => (literal === '' ? rest : rest.replaceAll(literal, ' ')),
      await page.evaluate<string>('document.body.innerText'),
    );
  const iso = text.match(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}[^\s]*/g) ?? [];
  const words = (text.match(/[A-Za-z][A-Za-z-]{2,}/g) ?? []).filter((word) => !ALLOWED.has(word));
  return [...new Set([...iso, ...words])];
}
