/** A real SSE client over fetch: reads `event:`/`id:`/`data:` blocks as they arrive. */
export class EventStream<T = unknown> {
  private buffer = '';
  private readonly decoder = new TextDecoder();
  private readonly abort = new AbortController();
  private reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  status = 0;

  static async open<T>(url: string, headers: Record<string, string> = {}): Promise<EventStream<T>> {
    const stream = new EventStream<T>();
    const response = await fetch(url, { headers, signal: stream.abort.signal });
    stream.status = response.status;
    if (response.ok && response.body) stream.reader = response.body.getReader();
    return stream;
  }

  /** The next event (`case`, `chat`, `reset`, …), skipping comments and the retry line. */
  async next(): Promise<{ event: string; id?: string; data: T }> {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end >= 0) {
        const block = this.buffer.slice(0, end);
        this.buffer = this.buffer.slice(end + 2);
        const fields = Object.fromEntries(
          block
            .split('\n')
            .filter((line) => !line.startsWith(':'))
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
        );
        if (fields.event)
          return { event: fields.event, id: fields.id, data: JSON.parse(fields.data ?? '{}') };
        continue;
      }
      const chunk = await this.reader?.read();
      if (!chunk || chunk.done) throw new Error('the stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** The next comment line (a heartbeat), skipping events. */
  async nextComment(): Promise<string> {
    for (;;) {
      const line = this.buffer.split('\n').find((l) => l.startsWith(':'));
      if (line !== undefined) return line;
      const chunk = await this.reader?.read();
      if (!chunk || chunk.done) throw new Error('the stream ended');
      this.buffer += this.decoder.decode(chunk.value, { stream: true });
    }
  }

  /** The next event whose data passes `which` (e.g. of one case). */
  async nextWhere(which: (data: T) => boolean): Promise<{ event: string; id?: string; data: T }> {
    for (;;) {
      const received = await this.next();
      if (which(received.data)) return received;
    }
  }

  close(): void {
    this.abort.abort();
  }
}
