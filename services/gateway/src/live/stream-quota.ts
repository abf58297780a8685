import { HttpException } from '@nestjs/common';

/** Streams one user holds open at once on one route (tabs, devices): one more gets 429. */
export class StreamQuota {
  private readonly open = new Map<string, number>();

  constructor(private readonly limit: () => number) {}

  /** Takes one of the user's streams, or throws 429; answers its release (once is enough, twice is harmless). */
  take(userId: string): () => void {
    const open = this.open.get(userId) ?? 0;
    const limit = this.limit();
    if (open >= limit) throw new HttpException(`at most ${limit} live streams per user`, 429);
    this.open.set(userId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(userId) ?? 1) - 1;
      if (left <= 0) this.open.delete(userId);
      else this.open.set(userId, left);
    };
  }
}
