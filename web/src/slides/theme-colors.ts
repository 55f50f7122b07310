// The big screen's colours per theme, and a brand colour fitted to them, measured as WCAG 2 defines contrast.
import type { Theme } from '@ettor/protocol';

/** Body text on the big screen keeps 7:1, since projectors wash colours out. */
export const TEXT_CONTRAST = 7;
/** Accents and chart marks keep 3:1 against what they are drawn on. */
export const MARK_CONTRAST = 3;

/** Every colour a slide's view takes from its stage, each a #rrggbb. */
export interface ThemeColors {
  /** Which of the browser's own schemes (scrollbars, form controls) goes with the theme. */
  scheme: 'light' | 'dark';
  bg: string;
  /** Cards and bars drawn on the background. */
  surface: string;
  fg: string;
  /** Secondary text: sources, counts, captions. Still body text, so 7:1 as well. */
  muted: string;
  border: string;
  /** Tracks and dividers, quieter than borders. */
  line: string;
  accent: string;
  /** Text on the accent. */
  accentFg: string;
  /** A background that sets something off with the accent, such as the pinned question. */
  accentSoft: string;
  danger: string;
  success: string;
  focus: string;
  /** The chart colours `--c1`…`--c8`: Okabe–Ito hues, each kept at 3:1 against the background. */
  palette: readonly string[];
}

export const THEME_COLORS: Record<Theme, ThemeColors> = {
  light: {
    scheme: 'light',
    bg: '#ffffff',
    surface: '#f1f3f5',
    fg: '#14171a',
    muted: '#40474f',
    border: '#5f6670',
    line: '#c4cad1',
    accent: '#075a8c',
    accentFg: '#ffffff',
    accentSoft: '#e3f0f8',
    danger: '#961c15',
    success: '#17663a',
    focus: '#0b57d0',
    // Orange, sky blue and yellow are darkened just enough to keep 3:1 on white.
    palette: ['#0072b2', '#c68900', '#009e73', '#cc79a7', '#4b9dcb', '#d55e00', '#9e962c', '#000000'],
  },
  dark: {
    scheme: 'dark',
    bg: '#121417',
    surface: '#1d2126',
    fg: '#f1f3f5',
    muted: '#c2c8cf',
    border: '#8d959e',
    line: '#3a4047',
    accent: '#8cccf2',
    accentFg: '#0a1a24',
    accentSoft: '#19303f',
    danger: '#ff9b91',
    success: '#84dca2',
    focus: '#ffd166',
    palette: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#e8e8e8'],
  },
  'high-contrast': {
    scheme: 'dark',
    bg: '#000000',
    surface: '#1a1a1a',
    fg: '#ffffff',
    muted: '#dcdcdc',
    border: '#d0d0d0',
    line: '#8c8c8c',
    accent: '#ffd21f',
    accentFg: '#000000',
    accentSoft: '#2e2700',
    danger: '#ff8a80',
    success: '#5ff08a',
    focus: '#3ee0ff',
    palette: ['#0072b2', '#e69f00', '#009e73', '#cc79a7', '#56b4e9', '#d55e00', '#f0e442', '#ffffff'],
  },
};

const channels = (hex: string): [number, number, number] => {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 255, (value >> 8) & 255, value & 255];
};

const toHex = (rgb: readonly number[]): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** WCAG 2's relative luminance of a #rrggbb colour, 0 for black to 1 for white. */
export function relativeLuminance(hex: string): number {
  const [r, g, b] = channels(hex).map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2's contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** `from` moved `weight` (0…1) of the way to `to`, channel by channel, so the hue stays. */
export function mix(from: string, to: string, weight: number): string {
  const target = channels(to);
  return toHex(channels(from).map((c, i) => c + ((target[i] ?? c) - c) * weight));
}

const lowest = (colour: string, backgrounds: readonly string[]): number =>
  Math.min(...backgrounds.map((background) => contrastRatio(colour, background)));

/**
 * The colour itself when it keeps `minimum` against every background, otherwise the least darkened (on light
 * backgrounds) or lightened (on dark ones) variant of it that does.
 */
export function withContrast(colour: string, backgrounds: readonly string[], minimum: number): string {
  const towards = lowest('#000000', backgrounds) >= lowest('#ffffff', backgrounds) ? '#000000' : '#ffffff';
  for (let step = 0; step <= 100; step += 1) {
    const candidate = mix(colour, towards, step / 100);
    if (lowest(candidate, backgrounds) >= minimum) return candidate;
  }
  return towards;
}

/** Black or white, whichever reads better on the background. */
export const inkOn = (background: string): string =>
  contrastRatio('#000000', background) >= contrastRatio('#ffffff', background) ? '#000000' : '#ffffff';

/**
 * A theme's colours with the deck's brand colour as its accent, fitted to keep 3:1 on the backgrounds accents sit
 * on. The brand tints nothing else: its soft background is the theme's neutral surface.
 */
export function stageColors(theme: Theme, brandColor: string | null): ThemeColors {
  const colors = THEME_COLORS[theme];
  if (brandColor === null) return colors;
  const accent = withContrast(brandColor.toLowerCase(), [colors.bg, colors.surface], MARK_CONTRAST);
  return { ...colors, accent, accentFg: inkOn(accent), accentSoft: colors.surface };
}

/** The CSS custom properties every slide's view reads, as a stage sets them. */
export function stageVariables(colors: ThemeColors): Record<string, string> {
  return {
    'color-scheme': colors.scheme,
    '--bg': colors.bg,
    '--surface': colors.surface,
    '--fg': colors.fg,
    '--muted': colors.muted,
    '--border': colors.border,
    '--line': colors.line,
    '--accent': colors.accent,
    '--accent-fg': colors.accentFg,
    '--accent-soft': colors.accentSoft,
    '--danger': colors.danger,
    '--success': colors.success,
    '--focus': colors.focus,
    ...Object.fromEntries(colors.palette.map((colour, index) => [`--c${index + 1}`, colour])),
  };
}
