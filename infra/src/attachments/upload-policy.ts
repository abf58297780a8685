import { judgeAttachment } from './attachment-policy';

/** The largest file the HTTP upload accepts (the contract's 10 MiB). */
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024;

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

const startsWith = (content: Buffer, bytes: number[], at = 0): boolean =>
  content.length >= at + bytes.length && bytes.every((b, i) => content[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Media types an upload may declare, each with the leading bytes its content must have. */
export const UPLOAD_MEDIA_TYPES: Readonly<Record<string, (content: Buffer) => boolean>> = {
  'image/jpeg': (c) => startsWith(c, [0xff, 0xd8, 0xff]),
  'image/png': (c) => startsWith(c, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/gif': (c) => startsWith(c, ascii('GIF87a')) || startsWith(c, ascii('GIF89a')),
  'image/webp': (c) => startsWith(c, ascii('RIFF')) && startsWith(c, ascii('WEBP'), 8),
  'application/pdf': (c) => startsWith(c, ascii('%PDF-')),
  'video/mp4': (c) => startsWith(c, ascii('ftyp'), 4),
  'application/msword': (c) => startsWith(c, OLE),
  'application/vnd.ms-excel': (c) => startsWith(c, OLE),
  'application/vnd.ms-powerpoint': (c) => startsWith(c, OLE),
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': (c) => startsWith(c, ZIP),
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': (c) => startsWith(c, ZIP),
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': (c) => startsWith(c, ZIP),
  'application/vnd.oasis.opendocument.text': (c) => startsWith(c, ZIP),
  'application/vnd.oasis.opendocument.spreadsheet': (c) => startsWith(c, ZIP),
};

export type UploadVerdict =
  { keep: true; mediaType: string } | { keep: false; status: 413 | 415 | 400; reason: string };

/**
 * Whether an uploaded file is kept. The declared type must be one the platform shows (images, PDF,
 * MP4, office documents) and the content must start the way that type starts, so a renamed program
 * or a script labelled as a picture is refused even when its name and type look harmless.
 */
export function judgeUpload(file: { filename: string; mediaType: string; content: Buffer }): UploadVerdict {
  const mediaType = file.mediaType.split(';')[0]?.trim().toLowerCase() ?? '';
  if (file.content.length === 0) return { keep: false, status: 400, reason: 'file: is empty' };
  if (file.content.length > UPLOAD_MAX_BYTES) {
    return { keep: false, status: 413, reason: `file: is larger than ${UPLOAD_MAX_BYTES} bytes (10 MiB)` };
  }
  const verdict = judgeAttachment({ ...file, mediaType }, 0, UPLOAD_MAX_BYTES);
  if (!verdict.keep) return { keep: false, status: 415, reason: 'file: executables and scripts are refused' };
  const matches = UPLOAD_MEDIA_TYPES[mediaType];
  if (!matches) {
    return {
      keep: false,
      status: 415,
      reason: `file: media type ${mediaType || '(none)'} is not accepted (images, PDF, MP4, office documents)`,
    };
  }
  if (!matches(file.content)) {
    return {
      keep: false,
      status: 415,
      reason: `file: content does not match the declared type ${mediaType}`,
    };
  }
  return { keep: true, mediaType };
}
