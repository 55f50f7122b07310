import { describe, expect, it } from 'vitest';
import { fillOf, RAMP, textOn } from './ramp';

// WCAG 2.1's formulas, written out here so the test does not trust the module's own arithmetic.
const channels = (hex: string) => [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
const linear = (s: number) => (s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4);
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = channels(hex).map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
/** CIE lightness, 0 (black) to 100 (white): what is left of a colour in greyscale. */
const lightness = (hex: string) => {
  const y = luminance(hex);
  return y > 216 / 24389 ? 116 * Math.cbrt(y) - 16 : (y * 24389) / 27;
};

const STEPS = [3, 4, 5, 6, 7, 8, 9, 10];

describe('the colour scale', () => {
  it("maps the scale's lowest and highest step to the ramp's ends, and holds means beyond them there", () => {
    for (const steps of STEPS) {
      expect(fillOf(1, steps)).toBe(RAMP[0]);
      expect(fillOf(steps, steps)).toBe(RAMP[RAMP.length - 1]);
    }
    expect(fillOf(0.4, 5)).toBe(RAMP[0]);
    expect(fillOf(5.3, 5)).toBe(RAMP[RAMP.length - 1]);
    expect(fillOf(3, 5)).not.toBe(fillOf(3.5, 5));
  });

  it('gets darker with every step, clearly enough to tell neighbouring steps apart in greyscale', () => {
    for (const steps of STEPS) {
      const shades = Array.from({ length: steps }, (_, index) => lightness(fillOf(index + 1, steps)));
      shades.slice(1).forEach((shade, index) => expect((shades[index] ?? 0) - shade).toBeGreaterThanOrEqual(5));
    }
    // Between steps too, within what rounding to 8-bit channels leaves.
    const fine = Array.from({ length: 401 }, (_, index) => luminance(fillOf(1 + index / 100, 5)));
    fine.slice(1).forEach((shade, index) => expect(shade).toBeLessThanOrEqual((fine[index] ?? 1) + 0.001));
  });

  it('keeps the text on every fill at 4.5:1 or more', () => {
    let worst = Infinity;
    for (const steps of STEPS) {
      for (let mean = 1; mean <= steps; mean += 0.01) {
        const fill = fillOf(mean, steps);
        worst = Math.min(worst, contrast(fill, textOn(fill)));
      }
    }
    expect(worst).toBeGreaterThanOrEqual(4.5);
  });

  it('writes dark on the light end and white on the dark end', () => {
    expect(textOn(fillOf(1, 5))).toBe('#000000');
    expect(textOn(fillOf(5, 5))).toBe('#ffffff');
    expect(contrast(fillOf(1, 5), '#000000')).toBeGreaterThan(15);
    expect(contrast(fillOf(5, 5), '#ffffff')).toBeGreaterThan(15);
  });
});
