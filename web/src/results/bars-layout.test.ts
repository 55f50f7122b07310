import { describe, expect, it } from 'vitest';
import { BAR_SIZE, barsLayout } from './bars-layout';

const options = (count: number, label = 'Politiker') => Array.from({ length: count }, (_, index) => `${label} ${index + 1}`);

describe('the bars', () => {
  it('set two or three options at the largest size, one under another across the whole width', () => {
    expect(barsLayout(options(2))).toEqual({ columns: 1, rows: 2, size: BAR_SIZE.max });
    expect(barsLayout(options(3))).toMatchObject({ columns: 1, rows: 3 });
  });

  it('set more options smaller, never under the type scale’s floor', () => {
    const sizes = [2, 4, 6, 8, 10].map((count) => barsLayout(options(count)).size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(BAR_SIZE.min);
  });

  it('share two columns when that lets ten options read larger', () => {
    const ten = barsLayout(options(10));
    expect(ten.columns).toBe(2);
    expect(ten.rows).toBe(5);
    expect(ten.size).toBeGreaterThan(BAR_SIZE.min);
  });

  it('set long labels smaller than short ones, wrapped rather than cut', () => {
    const long = barsLayout(options(4, 'Kommunchef eller annan chef i en kommun, en region eller ett kommunalförbund'));
    expect(long.size).toBeLessThan(barsLayout(options(4)).size);
  });

  it('set the options smaller, in the same columns, in the part of the area left beside something else', () => {
    expect(barsLayout(options(4), 18).size).toBeLessThan(barsLayout(options(4)).size);
    // In the same columns, so that nothing moves when the rest of the area is theirs again.
    expect(barsLayout(options(3), 18).columns).toBe(barsLayout(options(3)).columns);
  });
});
