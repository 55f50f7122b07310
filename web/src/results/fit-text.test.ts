import { describe, expect, it } from 'vitest';
import { largestFitting, lineCount, textWidth } from './fit-text';

describe('textWidth', () => {
  it('gives bold text more room than regular, digits more than letters, and emoji a whole em', () => {
    expect(textWidth('ettor', 'bold')).toBeGreaterThan(textWidth('ettor'));
    expect(textWidth('72')).toBeGreaterThan(textWidth('ab'));
    expect(textWidth('👍')).toBe(1);
    expect(textWidth('中文')).toBe(2);
  });
});

describe('lineCount', () => {
  it('keeps text that fits on one line', () => {
    expect(lineCount('Politiker', 20)).toBe(1);
    expect(lineCount('', 20)).toBe(1);
  });

  it('wraps whole words as a browser does', () => {
    // Each word is 2.5 em and a space 0.5 em: two words take 5.5 em.
    expect(lineCount('ettor ettor ettor ettor', 5.5)).toBe(2);
    expect(lineCount('ettor ettor ettor ettor', 5.4)).toBe(4);
  });

  it('starts a new line at each line break', () => {
    expect(lineCount('ett\ntvå\ntre', 40)).toBe(3);
  });

  it('breaks a word longer than the line anywhere, and goes on after it', () => {
    // 25 letters of 0.5 em on 5 em lines: three lines of it, the last half full, then "nu" beside it.
    expect(lineCount('Kommunikationsavdelningen nu', 5)).toBe(3);
    expect(lineCount('Kommunikationsavdelningen nu', 5.3)).toBe(3);
  });

  it('grows as the column narrows', () => {
    const text = 'Det som går att digitalisera kommer att digitaliseras';
    const counts = [60, 30, 15, 8].map((width) => lineCount(text, width));
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts[0]).toBe(1);
  });
});

describe('largestFitting', () => {
  it('finds the largest size in tenths that fits', () => {
    expect(largestFitting(1, 5, (size) => size <= 3.27)).toBe(3.2);
    expect(largestFitting(1, 5, () => true)).toBe(5);
  });

  it('falls back to the least size when none fits', () => {
    expect(largestFitting(1.5, 5, () => false)).toBe(1.5);
  });
});
