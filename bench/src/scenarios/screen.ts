import type { Presenter, Snapshot } from '../presenter.js';
import type { SlideTruth } from '../simulator/messages.js';
import { sameCounts } from '../tally-keys.js';

/** Whether the big screen shows exactly what the phones hold as acknowledged. */
export function shows(snapshot: Snapshot, truth: SlideTruth): boolean {
  return snapshot.respondents === truth.respondents && sameCounts(snapshot.counts, truth.counts);
}

/**
 * When the big screen became complete and stayed so: the earliest snapshot from which every later one
 * matches. Waits up to timeoutMs for it; undefined if it never got there.
 */
export async function completeAt(presenter: Presenter, slideId: string, truth: SlideTruth, timeoutMs: number): Promise<number | undefined> {
  await presenter.whenResults(slideId, (snapshot) => shows(snapshot, truth), timeoutMs);
  const list = presenter.snapshots.get(slideId) ?? [];
  let at: number | undefined;
  for (let i = list.length - 1; i >= 0; i -= 1) {
    const snapshot = list[i] as Snapshot;
    if (!shows(snapshot, truth)) break;
    at = snapshot.at;
  }
  return at;
}

/** Index of the first snapshot at or after a time (binary search; snapshots arrive in time order). */
export function firstAtOrAfter(snapshots: Snapshot[], time: number): number {
  let lo = 0;
  let hi = snapshots.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((snapshots[mid] as Snapshot).at < time) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
