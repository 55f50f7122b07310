import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../http/errors.js';
import { GroupCommit } from './group-commit.js';

interface Deferred {
  promise: Promise<void>;
  resolve: () => void;
}

function deferred(): Deferred {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}

const nextTurn = () => new Promise<void>((done) => setImmediate(done));

/** A run that records each batch and answers every item with its double. */
function recording(gate?: (batch: number[]) => Promise<void>) {
  const batches: number[][] = [];
  const run = async (items: number[]): Promise<number[]> => {
    batches.push(items);
    if (gate) await gate(items);
    return items.map((item) => item * 2);
  };
  return { batches, run };
}

describe('GroupCommit', () => {
  it('runs items submitted in one synchronous turn as one batch, each with its own result in order', async () => {
    const { batches, run } = recording();
    const commit = new GroupCommit(run, 100);

    const results = await Promise.all([1, 2, 3, 4].map((item) => commit.submit(item)));

    expect(batches).toEqual([[1, 2, 3, 4]]);
    expect(results).toEqual([2, 4, 6, 8]);
  });

  it('waits for the next turn before running a batch that is not full', async () => {
    const { batches, run } = recording();
    const commit = new GroupCommit(run, 3);

    const pending = [commit.submit(1), commit.submit(2)];
    expect(batches).toEqual([]);
    await nextTurn();

    expect(batches).toEqual([[1, 2]]);
    await expect(Promise.all(pending)).resolves.toEqual([2, 4]);
  });

  it('never lets a batch exceed maxBatch', async () => {
    const { batches, run } = recording();
    const commit = new GroupCommit(run, 4);
    const items = Array.from({ length: 10 }, (_, index) => index);

    const results = await Promise.all(items.map((item) => commit.submit(item)));

    expect(batches).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(results).toEqual(items.map((item) => item * 2));
  });

  it('runs a full batch at once, without waiting for a turn', async () => {
    const { batches, run } = recording();
    const commit = new GroupCommit(run, 3);

    const pending = [commit.submit(1), commit.submit(2), commit.submit(3)];

    expect(batches).toEqual([[1, 2, 3]]);
    await expect(Promise.all(pending)).resolves.toEqual([2, 4, 6]);
  });

  it('runs one batch at a time; items arriving meanwhile form the next batch once the first has finished', async () => {
    const first = deferred();
    const { batches, run } = recording((batch) => (batch[0] === 1 ? first.promise : Promise.resolve()));
    const commit = new GroupCommit(run, 2);

    const firstBatch = [commit.submit(1), commit.submit(2)];
    const later = [commit.submit(3), commit.submit(4), commit.submit(5)];
    await nextTurn();
    await nextTurn();

    expect(batches).toEqual([[1, 2]]);

    first.resolve();
    await expect(Promise.all([...firstBatch, ...later])).resolves.toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('gathers what arrives while a batch runs into the next batch, even when the first was not full', async () => {
    const first = deferred();
    const { batches, run } = recording((batch) => (batch[0] === 1 ? first.promise : Promise.resolve()));
    const commit = new GroupCommit(run, 10);

    const pending = [commit.submit(1)];
    await nextTurn();
    pending.push(commit.submit(2), commit.submit(3));
    await nextTurn();
    pending.push(commit.submit(4));
    await nextTurn();

    expect(batches).toEqual([[1]]);

    first.resolve();
    await expect(Promise.all(pending)).resolves.toEqual([2, 4, 6, 8]);
    expect(batches).toEqual([[1], [2, 3, 4]]);
  });

  it('runs each item of a failing batch alone, so only the item that fails alone is rejected', async () => {
    const failure = new Error('bad row 2');
    const batches: number[][] = [];
    const commit = new GroupCommit(async (items: number[]) => {
      batches.push(items);
      if (items.includes(2)) throw failure;
      return items.map((item) => item * 2);
    }, 3);

    const outcomes = [1, 2, 3].map((item) => commit.submit(item).catch((error: unknown) => error));

    expect(await Promise.all(outcomes)).toEqual([2, failure, 6]);
    expect(batches).toEqual([[1, 2, 3], [1], [2], [3]]);
    await expect(commit.submit(4)).resolves.toBe(8);
  });

  it('rejects every item with its own failure when each fails alone too', async () => {
    const commit = new GroupCommit(async (items: number[]) => {
      throw new Error(`disk full at ${items.join(',')}`);
    }, 2);

    const errors = await Promise.all([commit.submit(1), commit.submit(2)].map((pending) => pending.catch((error: Error) => error.message)));

    expect(errors).toEqual(['disk full at 1', 'disk full at 2']);
  });

  it('rejects every item of a batch with unavailable when the database did not answer, without running them alone', async () => {
    let down = true;
    const batches: number[][] = [];
    const commit = new GroupCommit(async (items: number[]) => {
      batches.push(items);
      if (down) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
      return items.map((item) => item * 2);
    }, 3);

    const errors = await Promise.all([1, 2, 3].map((item) => commit.submit(item).catch((error: unknown) => error)));

    expect(errors.map((error) => (error as AppError).code)).toEqual(['unavailable', 'unavailable', 'unavailable']);
    expect(errors[0]).toBeInstanceOf(AppError);
    expect(batches).toEqual([[1, 2, 3]]);
    down = false;
    // Nothing is left stuck: the same items go through once the database answers again.
    await expect(Promise.all([1, 2, 3].map((item) => commit.submit(item)))).resolves.toEqual([2, 4, 6]);
  });

  it('stops running items alone once the database goes away, and tells the rest of the batch unavailable', async () => {
    const batches: number[][] = [];
    const commit = new GroupCommit(async (items: number[]) => {
      batches.push(items);
      if (items.length > 1) throw new Error('bad row');
      if (items[0] === 2) throw new Error('Connection terminated unexpectedly');
      return items.map((item) => item * 2);
    }, 4);

    const outcomes = await Promise.all([1, 2, 3, 4].map((item) => commit.submit(item).catch((error: unknown) => (error as AppError).code)));

    expect(outcomes).toEqual([2, 'unavailable', 'unavailable', 'unavailable']);
    expect(batches).toEqual([[1, 2, 3, 4], [1], [2]]);
  });

  it('rejects the items when run throws before returning a promise', async () => {
    const failure = new Error('sync');
    const commit = new GroupCommit<number, number>(() => {
      throw failure;
    }, 5);

    await expect(commit.submit(1)).rejects.toBe(failure);
  });

  it('drain() waits for the running batch and for queued items', async () => {
    const first = deferred();
    const { batches, run } = recording((batch) => (batch[0] === 1 ? first.promise : Promise.resolve()));
    const commit = new GroupCommit(run, 2);
    const settled: number[] = [];
    const track = (pending: Promise<number>) => pending.then((result) => settled.push(result));

    void track(commit.submit(1));
    void track(commit.submit(2));
    void track(commit.submit(3));
    let drained = false;
    const draining = commit.drain().then(() => {
      drained = true;
    });
    await nextTurn();
    expect(drained).toBe(false);

    first.resolve();
    await draining;

    expect(batches).toEqual([[1, 2], [3]]);
    expect(settled).toEqual([2, 4, 6]);
  });

  it('drain() runs queued items without waiting for a turn, and resolves at once when nothing is queued', async () => {
    const { batches, run } = recording();
    const commit = new GroupCommit(run, 10);

    await commit.drain();
    expect(batches).toEqual([]);

    const pending = commit.submit(7);
    const draining = commit.drain();
    expect(batches).toEqual([[7]]);
    await draining;
    await expect(pending).resolves.toBe(14);
  });

  it('drain() resolves even when the batch it waits for fails', async () => {
    const commit = new GroupCommit<number, number>(async () => {
      throw new Error('down');
    }, 10);

    const pending = commit.submit(1).catch((error: unknown) => error);
    await commit.drain();

    expect(await pending).toEqual(new Error('down'));
  });

  it('with a window, lets the first item of a batch wait that long for others, unless the batch fills first', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const { batches, run } = recording();
      const commit = new GroupCommit(run, 3, 5);
      const first = [commit.submit(1)];
      await nextTurn();
      first.push(commit.submit(2));
      expect(batches).toEqual([]);
      vi.advanceTimersByTime(5);
      await expect(Promise.all(first)).resolves.toEqual([2, 4]);

      const full = [commit.submit(3), commit.submit(4), commit.submit(5)];
      expect(batches).toEqual([
        [1, 2],
        [3, 4, 5],
      ]);
      await Promise.all(full);
    } finally {
      vi.useRealTimers();
    }
  });

  it('counts the window from the oldest waiting item, so items that waited through a running batch go next turn', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
    try {
      const first = deferred();
      const { batches, run } = recording((batch) => (batch[0] === 1 ? first.promise : Promise.resolve()));
      const commit = new GroupCommit(run, 10, 5);
      const running = commit.submit(1);
      vi.advanceTimersByTime(5);
      const waiting = commit.submit(2);
      vi.advanceTimersByTime(6);
      first.resolve();
      await running;
      // Fake timers stand still: had the window started again, this would never resolve.
      await expect(waiting).resolves.toBe(4);
      expect(batches).toEqual([[1], [2]]);
    } finally {
      vi.useRealTimers();
    }
  });
});
