import { POLL_FRAME_FILE_MAX_CHARS, POLL_FRAME_FILE_MAX_PARTS } from '@hotline/contracts';

/** The biggest frame file the console sends: the parts a command may be, each at most 512 KiB. */
export const FRAME_FILE_MAX_BYTES = POLL_FRAME_FILE_MAX_PARTS * POLL_FRAME_FILE_MAX_CHARS;

/** A run of whole lines of a frame file, sent as one command. */
export interface FrameFilePart {
  content: string;
  /** The file's line number of the part's first line. */
  firstLine: number;
}

/** A line too long to be a number is cut to this: it is refused anyway, by its own line number. */
const LONG_LINE_KEPT = 200;
const encoder = new TextEncoder();

/**
 * Splits a frame file at line boundaries into parts of at most `maxBytes` of UTF-8 (under the
 * command's character cap, and under the bus's message size whatever the script), keeping the
 * file's line numbers: a part says which line it starts at.
 */
export function splitFrameFile(text: string, maxBytes = POLL_FRAME_FILE_MAX_CHARS): FrameFilePart[] {
  const parts: FrameFilePart[] = [];
  let lines: string[] = [];
  let bytes = 0;
  let firstLine = 1;
  const flush = () => {
    const content = lines.join('\n');
    if (content.trim() !== '') parts.push({ content, firstLine });
    firstLine += lines.length;
    lines = [];
    bytes = 0;
  };
  for (const raw of text.split('\n')) {
    let size = encoder.encode(raw).length + 1;
    let line = raw;
    if (size > maxBytes) {
      line = raw.slice(0, LONG_LINE_KEPT);
      size = encoder.encode(line).length + 1;
    }
    if (bytes + size > maxBytes && lines.length > 0) flush();
    lines.push(line);
    bytes += size;
  }
  flush();
  return parts;
}

/** The file's id: its content's SHA-256, so the same file sends the same parts (idempotent resends). */
export async function frameFileId(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0'))
    .join('')
    .slice(0, 32);
}
