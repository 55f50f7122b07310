import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { suppress } from './suppression.js';

describe('suppress', () => {
  it.each([
    [4, { hidden: [true], totalHidden: true }],
    [5, { hidden: [false], totalHidden: false }],
    [6, { hidden: [false], totalHidden: false }],
  ])('one group of %i with k = 5 (k−1, k, k+1)', (n, expected) => {
    expect(suppress([n], 5)).toEqual(expected);
  });

  it('hides groups of k−1 but not of k or k+1', () => {
    expect(suppress([5, 6, 5, 6], 5)).toEqual({ hidden: [false, false, false, false], totalHidden: false });
    expect(suppress([4, 4, 5, 6], 5)).toEqual({ hidden: [true, true, false, false], totalHidden: false });
  });

  it('one hidden group forces the smallest visible one to be hidden too', () => {
    expect(suppress([4, 9, 6], 5)).toEqual({ hidden: [true, false, true], totalHidden: false });
    expect(suppress([10, 1, 30], 5)).toEqual({ hidden: [true, true, false], totalHidden: false });
  });

  it('on a tie the later group is hidden, so "not given" (listed last) goes first', () => {
    expect(suppress([2, 7, 7], 5).hidden).toEqual([true, false, true]);
    expect(suppress([7, 7, 2], 5).hidden).toEqual([false, true, true]);
  });

  it('a hidden pair holding k together stays as it is', () => {
    expect(suppress([3, 2, 10], 5)).toEqual({ hidden: [true, true, false], totalHidden: false });
    expect(suppress([4, 4, 10, 9], 5).hidden).toEqual([true, true, false, false]);
  });

  it('a hidden pair holding fewer than k together takes a third, or their results could be worked out', () => {
    expect(suppress([1, 1, 10, 12], 5).hidden).toEqual([true, true, true, false]);
    expect(suppress([1, 2, 10], 5).hidden).toEqual([true, true, true]);
  });

  it('everything hidden when the total is under k', () => {
    expect(suppress([2, 2], 5)).toEqual({ hidden: [true, true], totalHidden: true });
    expect(suppress([1, 0, 3], 5)).toEqual({ hidden: [true, false, true], totalHidden: true });
  });

  it('empty groups are empty, never hidden, and never taken as the second hidden group', () => {
    expect(suppress([0, 6, 0, 2], 5)).toEqual({ hidden: [false, true, false, true], totalHidden: false });
    expect(suppress([0, 0], 5)).toEqual({ hidden: [false, false], totalHidden: true });
    expect(suppress([], 5)).toEqual({ hidden: [], totalHidden: true });
  });

  it('nothing hidden, nothing added', () => {
    expect(suppress([0, 5, 0], 5)).toEqual({ hidden: [false, false, false], totalHidden: false });
  });

  const breakdown = fc.record({
    k: fc.integer({ min: 3, max: 10 }),
    counts: fc.array(fc.nat({ max: 15 }), { minLength: 1, maxLength: 8 }),
  });

  it('property: with the total shown, no hidden group can be worked out from the total and the visible groups', () => {
    fc.assert(
      fc.property(breakdown, ({ k, counts }) => {
        const { hidden, totalHidden } = suppress(counts, k);
        const total = counts.reduce((a, b) => a + b, 0);
        const visible = counts.reduce((sum, n, i) => (hidden[i] ? sum : sum + n), 0);
        const hiddenGroups = counts.filter((_, i) => hidden[i]);
        if (totalHidden || hiddenGroups.length === 0) return;
        // What subtraction gives is never one hidden group's count, and is itself no group of fewer than k.
        expect(hiddenGroups.length).toBeGreaterThanOrEqual(2);
        for (const n of hiddenGroups) expect(total - visible).not.toBe(n);
        expect(total - visible).toBeGreaterThanOrEqual(k);
      }),
    );
  });

  it('property: small groups hidden, empty ones not, at most one more, and a total under k hides all', () => {
    fc.assert(
      fc.property(breakdown, ({ k, counts }) => {
        const { hidden, totalHidden } = suppress(counts, k);
        const total = counts.reduce((a, b) => a + b, 0);
        expect(totalHidden).toBe(total < k);
        counts.forEach((n, i) => {
          if (n === 0) expect(hidden[i]).toBe(false);
          if (n > 0 && n < k) expect(hidden[i]).toBe(true);
          if (totalHidden && n > 0) expect(hidden[i]).toBe(true);
        });
        expect(counts.filter((n, i) => hidden[i] && n >= k).length).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe('suppress with groups already withheld', () => {
  it('counts a withheld group as hidden from the start, its part in the complement included', () => {
    // Parts of groups 5, 4 and a withheld one: the withheld one's 1 alone is under k = 3, so the smaller shown one goes too.
    expect(suppress([5, 4, 1], 3, [false, false, true])).toEqual({ hidden: [false, true, true], totalHidden: false });
    // Withheld with k or more in it: nothing else needs to go.
    expect(suppress([5, 4, 3], 3, [false, false, true])).toEqual({ hidden: [false, false, true], totalHidden: false });
    // A withheld group with no part at all gives nothing away by subtraction.
    expect(suppress([5, 4, 0], 3, [false, false, true])).toEqual({ hidden: [false, false, true], totalHidden: false });
  });
});
