/**
 * Runs a task at most once per interval per key, and always once more after the last request,
 * so a burst ends with the final state delivered.
 */
export class Throttle {
  private readonly lastRun = new Map<string, number>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  request(key: string, task: () => void): void {
    if (this.pending.has(key)) return;
    const wait = Math.max(0, (this.lastRun.get(key) ?? -Infinity) + this.intervalMs - this.now());
    const timer = setTimeout(() => {
      this.pending.delete(key);
      this.lastRun.set(key, this.now());
      task();
    }, wait);
    this.pending.set(key, timer);
  }

  clear(): void {
    for (const timer of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
    this.lastRun.clear();
  }
}
