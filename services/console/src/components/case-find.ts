/**
 * What one "find a case" box means, by the shape of what was typed: an 8-digit case number, a phone
 * number (mobile or landline, with spaces, dashes or +86), or else a caller's name. The answer is
 * the `GET /api/cases` parameters; empty when nothing was typed.
 */
export function findParams(find: string | undefined): Record<string, string> {
  const text = (find ?? '').trim();
  if (text === '') return {};
  const digits = text.replace(/[\s()-]/g, '');
  if (/^\d{8}$/.test(digits)) return { caseNumber: digits };
  if (/^(\+?86)?\d{7,12}$/.test(digits)) return { phone: text };
  return { citizenName: text };
}

/** The find box's text back from the URL's parameters. */
export const findOf = (params: URLSearchParams): string | undefined =>
  params.get('caseNumber') ?? params.get('phone') ?? params.get('citizenName') ?? undefined;
