import { describe, expect, it } from 'vitest';
import { CARD_SIZE, MOST_CARDS, wallLayout } from './wall-layout';

const words = (count: number) => Array.from({ length: count }, (_, index) => `Svar ${index + 1}`);
const answer = (length: number) => 'ord '.repeat(length / 4).trim();

describe('the text wall', () => {
  it('sets a few short answers far larger than many', () => {
    const sizes = [1, 3, 6, 12].map((count) => wallLayout(words(count)).size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(sizes[0]).toBe(CARD_SIZE.max);
    expect(sizes[3]).toBeGreaterThanOrEqual(CARD_SIZE.min);
  });

  it('lays two answers side by side and more in rows, so the cards fill the area instead of its top', () => {
    expect(wallLayout(words(2))).toMatchObject({ columns: 2, rows: 1 });
    const twelve = wallLayout(words(12));
    expect(twelve.columns * twelve.rows).toBeGreaterThanOrEqual(12);
    expect(twelve.rows).toBeGreaterThan(1);
  });

  it('shows the newest answers, no more than a wall holds', () => {
    expect(wallLayout(words(40)).shown).toBe(MOST_CARDS);
    expect(wallLayout(words(5)).shown).toBe(5);
    expect(wallLayout([]).shown).toBe(0);
  });

  it('sets long answers smaller, and shows fewer of them rather than cutting them off', () => {
    const short = wallLayout(words(4));
    const long = wallLayout(Array.from({ length: 4 }, () => answer(200)));
    expect(long.size).toBeLessThan(short.size);
    const longest = wallLayout(Array.from({ length: 12 }, () => answer(500)));
    expect(longest.shown).toBeLessThan(12);
    expect(longest.shown).toBeGreaterThan(0);
    expect(longest.size).toBeGreaterThanOrEqual(CARD_SIZE.min);
  });

  it('sizes every card by the longest answer shown', () => {
    const mixed = wallLayout(['Mod', answer(300), 'Tid']);
    expect(mixed.size).toBeLessThan(wallLayout(['Mod', 'Tid', 'Ja']).size);
  });
});
