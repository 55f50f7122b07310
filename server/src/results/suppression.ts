/** Which groups of a breakdown are withheld under the anonymity threshold k. */
export interface Suppression {
  /** Per group, in the order given. A group of no one is empty, never hidden. */
  hidden: boolean[];
  /** Whether the total of all groups is withheld. */
  totalHidden: boolean;
}

/**
 * The k rule for groups shown beside their total, the groups' sum: a non-empty group of fewer than k is hidden, and
 * so is a total of fewer than k (every non-empty group then is too, each being smaller still). Groups already
 * withheld for another reason (a whole segment, when these are its parts) count as hidden from the start.
 */
export function suppress(counts: readonly number[], threshold: number, withheld: readonly boolean[] = []): Suppression {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const hidden = counts.map((n, index) => withheld[index] === true || (n > 0 && n < threshold));
  const hiddenTogether = counts.reduce((sum, n, index) => (hidden[index] ? sum + n : sum), 0);
  // The shown total minus the visible groups is what the hidden ones hold together, in numbers and in results, so that must be k or more too.
  if (total >= threshold && hiddenTogether > 0 && hiddenTogether < threshold) {
    let smallest: { index: number; n: number } | undefined;
    // One more group suffices, being k or more; on a tie the later goes, so "not given" (listed last) before a named option.
    for (const [index, n] of counts.entries()) {
      if (!hidden[index] && n > 0 && (smallest === undefined || n <= smallest.n)) smallest = { index, n };
    }
    if (smallest !== undefined) hidden[smallest.index] = true;
  }
  return { hidden, totalHidden: total < threshold };
}
