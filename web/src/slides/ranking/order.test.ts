import { describe, expect, it } from 'vitest';
import { arrange, moved, sameOrder } from './order';

const items = ['a', 'b', 'c', 'd'].map((id) => ({ id, label: id.toUpperCase() }));

describe("a ranking's order on the phone", () => {
  it("starts from the slide's order", () => {
    expect(arrange(items, [])).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps a saved order, drops ids no longer on the slide and adds new items after it in the slide order', () => {
    expect(arrange(items, ['c', 'a', 'b', 'd'])).toEqual(['c', 'a', 'b', 'd']);
    expect(arrange(items, ['c', 'gone', 'a'])).toEqual(['c', 'a', 'b', 'd']);
    expect(arrange(items, ['d', 'd', 'b'])).toEqual(['d', 'b', 'a', 'c']);
  });

  it('moves one id and closes up around it', () => {
    expect(moved(['a', 'b', 'c', 'd'], 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moved(['a', 'b', 'c', 'd'], 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moved(['a', 'b', 'c', 'd'], 1, 1)).toEqual(['a', 'b', 'c', 'd']);
    expect(moved(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('compares orders position by position', () => {
    expect(sameOrder(['a', 'b'], ['a', 'b'])).toBe(true);
    expect(sameOrder(['a', 'b'], ['b', 'a'])).toBe(false);
    expect(sameOrder(['a'], ['a', 'b'])).toBe(false);
  });
});
