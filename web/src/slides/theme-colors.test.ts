import { THEMES } from '@ettor/protocol';
import { describe, expect, it } from 'vitest';
import {
  MARK_CONTRAST,
  TEXT_CONTRAST,
  THEME_COLORS,
  contrastRatio,
  inkOn,
  mix,
  relativeLuminance,
  stageColors,
  stageVariables,
  withContrast,
} from './theme-colors';

describe('contrast as WCAG 2 measures it', () => {
  it('gives the luminance of black, white and a grey', () => {
    expect(relativeLuminance('#000000')).toBe(0);
    expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
    expect(relativeLuminance('#777777')).toBeCloseTo(0.1845, 4);
  });

  it('gives 21:1 for black on white, 1:1 for a colour on itself, in either order', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#0072b2', '#0072b2')).toBe(1);
    // The WCAG's own borderline: #767676 is the lightest grey that keeps 4.5:1 on white.
    expect(contrastRatio('#767676', '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it('mixes channel by channel and reads capitals', () => {
    expect(mix('#ffffff', '#000000', 0.5)).toBe('#808080');
    expect(mix('#0072B2', '#000000', 0)).toBe('#0072b2');
    expect(mix('#0072b2', '#ffffff', 1)).toBe('#ffffff');
  });
});

describe('the themes', () => {
  for (const theme of THEMES) {
    const colors = THEME_COLORS[theme];
    const grounds = [colors.bg, colors.surface];

    it(`${theme}: keeps body text, muted text and warnings at 7:1 on the background and on cards`, () => {
      for (const text of [colors.fg, colors.muted, colors.danger]) {
        for (const ground of grounds) expect(contrastRatio(text, ground)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
      }
      // The quiz's badge writes the background colour on the colour for success.
      expect(contrastRatio(colors.bg, colors.success)).toBeGreaterThanOrEqual(TEXT_CONTRAST);
    });

    it(`${theme}: keeps accents, borders and every chart colour at 3:1`, () => {
      for (const mark of [colors.accent, colors.border, colors.success, colors.focus]) {
        for (const ground of grounds) expect(contrastRatio(mark, ground)).toBeGreaterThanOrEqual(MARK_CONTRAST);
      }
      expect(contrastRatio(colors.accent, colors.accentSoft)).toBeGreaterThanOrEqual(MARK_CONTRAST);
      expect(contrastRatio(colors.accentFg, colors.accent)).toBeGreaterThanOrEqual(4.5);
      expect(colors.palette).toHaveLength(8);
      for (const colour of colors.palette) expect(contrastRatio(colour, colors.bg)).toBeGreaterThanOrEqual(MARK_CONTRAST);
    });
  }
});

describe('a brand colour', () => {
  it('is the accent as it is when it keeps 3:1', () => {
    expect(stageColors('light', '#005EB8').accent).toBe('#005eb8');
    expect(stageColors('dark', '#f5a623').accent).toBe('#f5a623');
  });

  it('is darkened on a light theme and lightened on a dark one until it keeps 3:1, and no further', () => {
    const pale = '#ffcc00';
    const onLight = stageColors('light', pale);
    expect(relativeLuminance(onLight.accent)).toBeLessThan(relativeLuminance(pale));
    for (const ground of [onLight.bg, onLight.surface]) expect(contrastRatio(onLight.accent, ground)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(mix(pale, '#000000', (stepsTo(pale, onLight.accent) - 1) / 100), onLight.surface)).toBeLessThan(3);

    const navy = '#002b5c';
    const onDark = stageColors('high-contrast', navy);
    expect(relativeLuminance(onDark.accent)).toBeGreaterThan(relativeLuminance(navy));
    for (const ground of [onDark.bg, onDark.surface]) expect(contrastRatio(onDark.accent, ground)).toBeGreaterThanOrEqual(3);
  });

  it('gets text in black or white, whichever reads better on it, and leaves body text and the soft background neutral', () => {
    expect(inkOn('#ffcc00')).toBe('#000000');
    expect(inkOn('#002b5c')).toBe('#ffffff');
    const colors = stageColors('light', '#c8102e');
    expect(colors.accentFg).toBe('#ffffff');
    expect(colors.fg).toBe(THEME_COLORS.light.fg);
    expect(colors.accentSoft).toBe(THEME_COLORS.light.surface);
    expect(stageColors('dark', null)).toBe(THEME_COLORS.dark);
  });

  it('falls back to black or white when nothing else keeps the contrast', () => {
    expect(withContrast('#ffffff', ['#ffffff'], 21)).toBe('#000000');
  });
});

it('sets every custom property a slide reads, the eight chart colours included', () => {
  const variables = stageVariables(THEME_COLORS['high-contrast']);
  expect(variables).toMatchObject({ 'color-scheme': 'dark', '--bg': '#000000', '--fg': '#ffffff', '--c8': '#ffffff' });
  expect(Object.keys(variables)).toEqual(expect.arrayContaining(['--muted', '--accent-fg', '--accent-soft', '--c1']));
});

/** How many 1 % steps towards black took `from` to `to`. */
function stepsTo(from: string, to: string): number {
  for (let step = 0; step <= 100; step += 1) if (mix(from, '#000000', step / 100) === to) return step;
  throw new Error(`${to} is not a darkening of ${from}`);
}
