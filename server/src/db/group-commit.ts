import { toAppError } from '../http/errors.js';
import { isUnavailable } from './unavailable.js';

/** Items per batch at most: a burst beyond it commits in several, and a statement stays within parameter limits. */
export const MAX_GROUP = 512;
/**
 * How long an item may wait for others to share its commit. A commit costs as much CPU as dozens of answers,
 * so a steady stream pays for far fewer of them; a phone waits a few milliseconds more for its ack.
 */
export const GROUP_WINDOW_MS = 5;

interface Waiting<Item, Result> {
  item: Item;
  /** performance.now() when it was submitted. */
  arrivedAt: number;
  resolve: (result: Result) => void;
  reject: (error: unknown) => void;
}

/**
 * Gathers work that arrives close together into one batch, so that a burst pays for one transaction and one
 * fsync instead of one each. A batch runs on the next turn of the event loop, or at once when it is full: under
 * a flood one turn can last seconds, and a timer alone would then never fire. One batch runs at a time; what
 * arrives meanwhile waits for the next, which is how the batches grow with the load.
 */
export class GroupCommit<Item, Result> {
  private queue: Waiting<Item, Result>[] = [];
  private running: Promise<void> | undefined;
  private scheduled = false;

  constructor(
    /**
     * Runs one batch, all or nothing; returns one result per item, in order. If it throws, each item is run alone, unless
     * the database is unavailable: then every item is rejected with `unavailable`.
     */
    private readonly run: (items: Item[]) => Promise<Result[]>,
    private readonly maxBatch: number,
    /** How long the first item of a batch may wait for others; 0 runs it on the next turn of the event loop. */
    private readonly windowMs = 0,
  ) {}

  submit(item: Item): Promise<Result> {
    return new Promise<Result>((resolve, reject) => {
      this.queue.push({ item, arrivedAt: performance.now(), resolve, reject });
      if (this.queue.length >= this.maxBatch && !this.running) this.flush();
      else this.schedule();
    });
  }

  /** Resolves once everything submitted so far has run. */
  async drain(): Promise<void> {
    while (this.running || this.queue.length > 0) {
      if (!this.running) this.flush();
      await this.running;
    }
  }

  private schedule(): void {
    if (this.scheduled || this.running || this.queue.length === 0) return;
    this.scheduled = true;
    const flushLater = () => {
      this.scheduled = false;
      if (!this.running) this.flush();
    };
    // The window counts from the oldest item's arrival: items that waited through the previous batch go at once.
    const waited = performance.now() - (this.queue[0] as Waiting<Item, Result>).arrivedAt;
    if (waited < this.windowMs) setTimeout(flushLater, this.windowMs - waited);
    else setImmediate(flushLater);
  }

  private flush(): void {
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0, this.maxBatch);
    this.running = this.runBatch(batch).finally(() => {
      this.running = undefined;
      if (this.queue.length >= this.maxBatch) this.flush();
      else this.schedule();
    });
  }

  private async runBatch(batch: Waiting<Item, Result>[]): Promise<void> {
    try {
      const results = await this.run(batch.map((waiting) => waiting.item));
      batch.forEach((waiting, index) => waiting.resolve(results[index] as Result));
    } catch (error) {
      // What queued meanwhile would wait out another connect timeout batch by batch: it is told to resend now too.
      if (isUnavailable(error)) return rejectUnavailable([...batch, ...this.queue.splice(0)], error);
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // One bad item must not cost the others: each runs again on its own, and only what fails alone fails.
      for (const [index, waiting] of batch.entries()) {
        try {
          const [result] = await this.run([waiting.item]);
          waiting.resolve(result as Result);
        } catch (failure) {
          if (isUnavailable(failure)) return rejectUnavailable([...batch.slice(index), ...this.queue.splice(0)], failure);
          waiting.reject(failure);
        }
      }
    }
  }
}

/** Without a database no item would fare better alone: each is told to send it again, which its client id makes safe. */
function rejectUnavailable<Item, Result>(batch: readonly Waiting<Item, Result>[], error: unknown): void {
  const unavailable = toAppError(error);
  for (const waiting of batch) waiting.reject(unavailable);
}
