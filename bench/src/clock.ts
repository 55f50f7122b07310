import { performance } from 'node:perf_hooks';

/**
 * Wall-clock milliseconds with sub-millisecond resolution. The simulator's workers, the presenter and
 * the orchestrator are separate processes on one machine; timeOrigin + now() puts their timestamps on
 * one scale, so an arrival in a worker can be compared with a send in the orchestrator.
 */
export function now(): number {
  return performance.timeOrigin + performance.now();
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
