import type { IncomingMessage, ServerResponse } from 'node:http';
import { NotFoundError } from '@hotline/contracts';

/** The formats GeoReport v2 defines: XML (required by the specification) and JSON. */
export type Open311Format = 'json' | 'xml';

/** The format a resource was asked in (`services.xml`); an unknown one is a resource that does not exist. */
export function formatOf(value: unknown): Open311Format {
  if (value === 'json' || value === 'xml') return value;
  throw new NotFoundError('format', typeof value === 'string' ? value.slice(0, 20) : 'none');
}

/** The format of a request from its path, for answers written before the handler runs (errors). */
export const formatOfRequest = (
  request: IncomingMessage & { params?: Record<string, unknown> },
): Open311Format => (request.params?.format === 'xml' ? 'xml' : 'json');

/** An element's fields in order; undefined fields are left out, null ones written empty. */
export type Open311Fields = ReadonlyArray<readonly [string, Open311Value]>;
export type Open311Value = string | number | boolean | null | undefined | Open311Fields[];

const escapeXml = (text: string): string =>
  text
    // Characters XML 1.0 cannot carry at all: dropped rather than producing an unreadable document.
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');

const XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>';

/** An element of fields; a list field holds elements named by its singular (`attributes` → `attribute`). */
function xmlElement(name: string, fields: Open311Fields): string {
  const inner = fields
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => {
      if (Array.isArray(value)) {
        const item = key.replace(/s$/, '');
        return `<${key}>${value.map((child) => xmlElement(item, child)).join('')}</${key}>`;
      }
      return value === null || value === '' ? `<${key}/>` : `<${key}>${escapeXml(String(value))}</${key}>`;
    })
    .join('');
  return `<${name}>${inner}</${name}>`;
}

function jsonObject(fields: Open311Fields): Record<string, unknown> {
  const entries = fields
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => [key, Array.isArray(value) ? value.map(jsonObject) : value] as const);
  return Object.fromEntries(entries);
}

/** A list resource: `<root><item>…</item></root>` in XML, an array of objects in JSON. */
export function renderList(
  format: Open311Format,
  root: string,
  item: string,
  items: Open311Fields[],
): string {
  if (format === 'json') return JSON.stringify(items.map(jsonObject));
  return `${XML_DECLARATION}<${root}>${items.map((fields) => xmlElement(item, fields)).join('')}</${root}>`;
}

/** A single resource: one element in XML, one object in JSON. */
export function renderObject(format: Open311Format, root: string, fields: Open311Fields): string {
  if (format === 'json') return JSON.stringify(jsonObject(fields));
  return `${XML_DECLARATION}${xmlElement(root, fields)}`;
}

/** Sets the content type of the format (UTF-8, as the specification requires). */
export function setContentType(response: ServerResponse, format: Open311Format): void {
  response.setHeader(
    'content-type',
    format === 'xml' ? 'text/xml; charset=utf-8' : 'application/json; charset=utf-8',
  );
}
