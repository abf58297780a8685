import type { PollFramePart } from '@hotline/contracts';
import { REJECTED_LINES_KEPT } from './poll-frame.decider';

/** One frame import as the read model keeps it: a whole file, or one part of a bigger one. */
export interface FrameImportDoc {
  importId: string;
  frame: string;
  fileName: string;
  accepted: number;
  rejectedCount: number;
  rejected: { line: number; code: string; value: string; reason: string }[];
  importedAt: string;
  part?: PollFramePart;
}

/** A file's import as a reader sees it: the parts of a bigger file added up. */
export type FrameFileImport = Omit<FrameImportDoc, 'part'> & { parts?: { imported: number; count: number } };

/**
 * Adds up the parts of each file sent in parts (kept numbers, invalid lines, the first rejected
 * lines in file order), in the order the files were first imported; a file sent whole stays as it is.
 * A file still being sent says how many of its parts arrived.
 */
export function frameFileImports(docs: readonly FrameImportDoc[]): FrameFileImport[] {
  const files: FrameFileImport[] = [];
  const byFile = new Map<string, FrameFileImport>();
  const seenParts = new Map<string, Set<number>>();
  for (const { part, ...doc } of docs) {
    if (!part) {
      files.push(doc);
      continue;
    }
    const key = `${doc.frame}|${part.fileId}`;
    const file = byFile.get(key);
    const seen = seenParts.get(key) ?? new Set<number>();
    // A part is one command (a resend is answered, not written again): counted once whatever happens.
    if (seen.has(part.index)) continue;
    seenParts.set(key, seen.add(part.index));
    if (!file) {
      const first: FrameFileImport = {
        ...doc,
        importId: `${doc.frame}.${part.fileId}`,
        parts: { imported: 1, count: part.count },
      };
      byFile.set(key, first);
      files.push(first);
      continue;
    }
    file.accepted += doc.accepted;
    file.rejectedCount += doc.rejectedCount;
    file.rejected = [...file.rejected, ...doc.rejected]
      .sort((a, b) => a.line - b.line)
      .slice(0, REJECTED_LINES_KEPT);
    file.importedAt = doc.importedAt > file.importedAt ? doc.importedAt : file.importedAt;
    file.parts = { imported: seen.size, count: part.count };
  }
  return files;
}
