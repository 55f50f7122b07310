import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle.js';

const INTERVAL = 100;

describe('Throttle', () => {
  let throttle: Throttle;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
    throttle = new Throttle(INTERVAL, () => Date.now());
  });

  afterEach(() => {
    throttle.clear();
    vi.useRealTimers();
  });

  it('runs the first request on the next turn of the event loop, not synchronously', () => {
    const task = vi.fn();
    throttle.request('k', task);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('a burst of requests at the same moment runs the task once', () => {
    const task = vi.fn();
    for (let i = 0; i < 50; i += 1) throttle.request('k', task);
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('many requests within one interval: once at once, once after the interval, then nothing', () => {
    const task = vi.fn();
    throttle.request('k', task);
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 9; i += 1) {
      vi.advanceTimersByTime(10);
      throttle.request('k', task);
    }
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(INTERVAL - 90 - 1);
    expect(task).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1);
    expect(task).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('always delivers the final state of a burst', () => {
    let value = 0;
    const seen: number[] = [];
    const deliver = () => seen.push(value);
    for (let i = 1; i <= 37; i += 1) {
      value = i;
      throttle.request('k', deliver);
      vi.advanceTimersByTime(7);
    }
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(seen.at(-1)).toBe(37);
    // 37 requests over 259 ms fit in at most 4 runs at one per 100 ms.
    expect(seen.length).toBeLessThanOrEqual(4);
  });

  it('never runs more than once per interval per key, and runs after the last request', () => {
    const runs: number[] = [];
    const requests: number[] = [];
    // A deterministic, irregular request pattern over several seconds.
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let i = 0; i < 400; i += 1) {
      vi.advanceTimersByTime(next() % 40);
      requests.push(Date.now());
      throttle.request('k', () => runs.push(Date.now()));
    }
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(runs.length).toBeGreaterThan(1);
    for (let i = 1; i < runs.length; i += 1) expect(runs[i]! - runs[i - 1]!).toBeGreaterThanOrEqual(INTERVAL);
    expect(runs.at(-1)!).toBeGreaterThanOrEqual(requests.at(-1)!);
  });

  it('runs at once again after a quiet interval', () => {
    const task = vi.fn();
    throttle.request('k', task);
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(INTERVAL * 3);
    throttle.request('k', task);
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(2);
  });

  it('keeps keys independent', () => {
    const a = vi.fn();
    const b = vi.fn();
    throttle.request('a', a);
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(10);
    throttle.request('a', a); // waits for a's interval
    throttle.request('b', b); // b has never run: at once
    vi.advanceTimersByTime(0);
    expect(a).toHaveBeenCalledTimes(1);
    expect(b).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(INTERVAL);
    expect(a).toHaveBeenCalledTimes(2);
    expect(b).toHaveBeenCalledTimes(1);
  });

  it('clear() cancels pending runs and forgets the last run', () => {
    const task = vi.fn();
    throttle.request('k', task);
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(10);
    throttle.request('k', task);
    throttle.request('other', task);
    throttle.clear();
    vi.advanceTimersByTime(10 * INTERVAL);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it('after clear() the next request runs at once, even within the old interval', () => {
    const task = vi.fn();
    throttle.request('k', task);
    vi.advanceTimersByTime(0);
    vi.advanceTimersByTime(10);
    throttle.clear();
    throttle.request('k', task);
    vi.advanceTimersByTime(0);
    expect(task).toHaveBeenCalledTimes(2);
  });
});
