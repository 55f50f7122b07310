/**
 * Results a room counts from the store rather than from its in-memory tallies (a topography, results split by
 * group): counted again only after something they are drawn from changed, and once for every socket that asks.
 * Reading the store keeps every node of a cluster in agreement.
 */
export class StoreCount<T> {
  private latest: { key: string; version: number; value: Promise<T> } | undefined;
  private version = 0;

  constructor(private readonly count: (key: string) => Promise<T>) {}

  /** Something the counts are drawn from changed: the next ask counts again. */
  changed(): void {
    this.version += 1;
  }

  current(key: string): Promise<T> {
    const latest = this.latest;
    if (latest?.key === key && latest.version === this.version) return latest.value;
    const value = this.count(key);
    const entry = { key, version: this.version, value };
    this.latest = entry;
    // A failed count is not kept: the next ask tries again.
    value.catch(() => {
      if (this.latest === entry) this.latest = undefined;
    });
    return value;
  }
}
