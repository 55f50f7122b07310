import { describe, expect, it } from 'vitest';
import { densestSpots, HEAT_RAMP, heatColour, spotFrame } from './heat';

// WCAG 2.1 relative luminance, written out here so the test does not trust the module.
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((start) => {
    const s = parseInt(hex.slice(start, start + 2), 16) / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

const cell = (column: number, row: number, count: number) => ({ column, row, count });

describe('the heat colours', () => {
  it('get darker with every step, so the order reads without colour', () => {
    HEAT_RAMP.slice(1).forEach((colour, index) => expect(luminance(colour)).toBeLessThan(luminance(HEAT_RAMP[index] ?? '#ffffff')));
  });

  it("run from one pin at the pale end to the slide's densest cell at the dark end", () => {
    expect(heatColour(1, 9)).toBe(HEAT_RAMP[0]);
    expect(heatColour(9, 9)).toBe(HEAT_RAMP[4]);
    expect(heatColour(5, 9)).toBe(HEAT_RAMP[2]);
    // Every cell alike: the middle, neither faint nor alarming.
    expect(heatColour(1, 1)).toBe(HEAT_RAMP[2]);
  });
});

describe('densestSpots', () => {
  it('finds the fullest places, each cell with its neighbours, none overlapping, at most three', () => {
    const cells = [cell(10, 10, 3), cell(11, 10, 2), cell(11, 11, 1), cell(30, 5, 4), cell(0, 39, 2), cell(20, 30, 1), cell(22, 30, 1)];
    expect(densestSpots(cells, [])).toEqual([
      // 3 + 2 + 1 around (10, 10) and around (11, 10) alike: the first in reading order.
      { column: 10, row: 10, count: 6 },
      { column: 30, row: 5, count: 4 },
      { column: 0, row: 39, count: 2 },
    ]);
  });

  it('leaves out single pins and places inside the named regions, which carry their own counts', () => {
    const cells = [cell(5, 5, 6), cell(30, 30, 2), cell(35, 35, 1)];
    expect(densestSpots(cells, [{ x: 0, y: 0, width: 0.5, height: 0.5 }])).toEqual([{ column: 30, row: 30, count: 2 }]);
  });

  it('does not borrow pins from the far side of the image at its left and right edges', () => {
    expect(densestSpots([cell(0, 10, 1), cell(39, 9, 1)], [])).toEqual([]);
  });
});

describe('spotFrame', () => {
  it('frames a spot’s nine cells with a little room, and stays on the image at its edges', () => {
    expect(spotFrame({ column: 20, row: 20, count: 2 })).toEqual({ x: 18.75, y: 18.75, width: 3.5, height: 3.5 });
    expect(spotFrame({ column: 0, row: 39, count: 2 })).toEqual({ x: 0, y: 37.75, width: 2.25, height: 2.25 });
  });
});
