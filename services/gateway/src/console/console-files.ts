import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface ConsoleFile {
  body: Buffer;
  /** The gzip form, for text types only. */
  gzipped?: Buffer;
  contentType: string;
  cacheControl: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.map']);

/** Vite puts content-hashed files under /assets: they never change, so browsers keep them a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Everything else (index.html above all) is revalidated so a new release shows at once. */
const REVALIDATE = 'no-cache';

/**
 * The built console's files, read and gzipped once each (the build is immutable while the process
 * runs; a rebuild is picked up through the file's mtime).
 */
export class ConsoleFiles {
  private readonly cache = new Map<string, { mtimeMs: number; file: ConsoleFile }>();

  constructor(readonly distDir: string) {}

  /** The file at a URL path, or undefined (missing, a directory, or outside the dist folder). */
  file(urlPath: string): ConsoleFile | undefined {
    const relative = normalize(urlPath).replace(/^([/\\])+/, '');
    const fullPath = join(this.distDir, relative);
    if (relative === '' || !fullPath.startsWith(this.distDir + sep)) return undefined;
    let mtimeMs: number;
    try {
      const stat = statSync(fullPath);
      if (!stat.isFile()) return undefined;
      mtimeMs = stat.mtimeMs;
    } catch {
      return undefined;
    }
    const cached = this.cache.get(fullPath);
    if (cached?.mtimeMs === mtimeMs) return cached.file;
    const extension = extname(fullPath).toLowerCase();
    const body = readFileSync(fullPath);
    const file: ConsoleFile = {
      body,
      contentType: TYPES[extension] ?? 'application/octet-stream',
      cacheControl: relative.startsWith(`assets${sep}`) ? IMMUTABLE : REVALIDATE,
      ...(COMPRESSIBLE.has(extension) && body.length > 1024 ? { gzipped: gzipSync(body) } : {}),
    };
    this.cache.set(fullPath, { mtimeMs, file });
    return file;
  }

  /** The SPA's entry page, answered for client-side routes. */
  index(): ConsoleFile | undefined {
    return this.file('/index.html');
  }
}
