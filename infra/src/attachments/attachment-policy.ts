import { MAX_ATTACHMENTS } from '@hotline/contracts';

/** File name endings of programs and scripts: never kept, whatever media type the sender claims. */
const EXECUTABLE_NAME =
  /\.(exe|com|bat|cmd|scr|pif|msi|msp|dll|cpl|jar|js|jse|vbs|vbe|wsf|wsh|ps1|psm1|hta|lnk|sh|apk|app|elf|bin|reg)$/i;
const EXECUTABLE_TYPE =
  /^application\/(x-msdownload|x-msdos-program|x-executable|x-sharedlib|x-dosexec|java-archive|x-sh|vnd\.android\.package-archive|x-ms-installer|hta)$/i;

/** Leading bytes of executables: Windows PE ("MZ"), ELF, Mach-O, and scripts starting with "#!". */
function looksExecutable(content: Buffer): boolean {
  if (content.length >= 2 && content[0] === 0x4d && content[1] === 0x5a) return true;
  if (content.length >= 4 && content.readUInt32BE(0) === 0x7f454c46) return true;
  if (
    content.length >= 4 &&
    [0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(content.readUInt32BE(0))
  )
    return true;
  return content.length >= 2 && content[0] === 0x23 && content[1] === 0x21;
}

export interface IncomingAttachment {
  filename: string;
  mediaType: string;
  content: Buffer;
}

export type AttachmentVerdict =
  { keep: true } | { keep: false; reason: 'executable' | 'too-large' | 'too-many' | 'empty' };

/**
 * Whether an attachment is kept. Programs are refused by name, declared type and content (a renamed
 * .exe is still caught by its "MZ"); files beyond the size limit and beyond the count limit are
 * refused too. A refused attachment quarantines its contact; the text is kept.
 */
export function judgeAttachment(
  attachment: IncomingAttachment,
  index: number,
  maxBytes: number,
): AttachmentVerdict {
  if (index >= MAX_ATTACHMENTS) return { keep: false, reason: 'too-many' };
  if (attachment.content.length === 0) return { keep: false, reason: 'empty' };
  if (attachment.content.length > maxBytes) return { keep: false, reason: 'too-large' };
  if (
    EXECUTABLE_NAME.test(attachment.filename) ||
    EXECUTABLE_TYPE.test(attachment.mediaType) ||
    looksExecutable(attachment.content)
  ) {
    return { keep: false, reason: 'executable' };
  }
  return { keep: true };
}
