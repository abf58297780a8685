/**
 * The deliveries a source has handed over and not yet seen settle, oldest first. A source waits
 * for the oldest when the window is full; an array's shift() would copy the whole window each time.
 */
export class InFlight {
  private items: Promise<void>[] = [];
  private head = 0;
  /** Set once a delivery was rejected: the source must stop delivering. */
  rejected = false;

  constructor(readonly window: number) {}

  get full(): boolean {
    return this.items.length - this.head >= this.window;
  }

  add(delivery: Promise<void>): void {
    this.items.push(
      delivery.then(
        () => undefined,
        () => {
          this.rejected = true;
        },
      ),
    );
  }

  /**
   * Waits until the oldest quarter of the window has settled (deliveries settle in order: the runner
   * acknowledges whole batches), so a busy source pauses once per quarter window, not per event.
   * Never throws.
   */
  async makeRoom(): Promise<void> {
    const next = this.head + Math.max(1, this.window >> 2);
    await this.items[next - 1];
    this.head = next;
    if (this.head >= 4096) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }

  /** Waits for every delivery handed over so far. Never throws. */
  async settle(): Promise<void> {
    const pending = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    await Promise.all(pending);
  }
}
