/**
 * A value read from the database at most once per `ttlMs` (reference editions change only when an
 * import commits, possibly in another process). A failed read is not kept.
 */
export class RefreshingValue<T> {
  private cached: { at: number; value: Promise<T> } | null = null;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(): Promise<T> {
    if (!this.cached || this.now() - this.cached.at > this.ttlMs) {
      const value = this.load();
      const entry = { at: this.now(), value };
      this.cached = entry;
      value.catch(() => {
        if (this.cached === entry) this.cached = null;
      });
    }
    return this.cached.value;
  }

  /** Forget the value now (e.g. it turned out unusable), so the next get() reads again. */
  reset(): void {
    this.cached = null;
  }
}
