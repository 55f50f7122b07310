// The map's colour scale. Kept free of components so the phone's page can colour its table with it cheaply.

/**
 * ColorBrewer's YlGnBu, light yellow to dark blue, without its near-white first class (a low mean must not look like an
 * empty cell). One hue family whose lightness falls at every stop, so the order reads in greyscale, on a washed-out
 * projector and for colour-blind viewers alike.
 */
export const RAMP = ['#edf8b1', '#c7e9b4', '#7fcdbb', '#41b6c4', '#1d91c0', '#225ea8', '#253494', '#081d58'] as const;

type Rgb = [number, number, number];

const rgbOf = (hex: string): Rgb => [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];
const hexOf = (rgb: Rgb) => `#${rgb.map((channel) => Math.round(channel).toString(16).padStart(2, '0')).join('')}`;
const STOPS = RAMP.map(rgbOf);

/** Where a mean sits on the scale, from 0 at step 1 to 1 at the top step; means outside are held at the ends. */
export function positionOf(mean: number, steps: number): number {
  return Math.min(1, Math.max(0, (mean - 1) / Math.max(1, steps - 1)));
}

/** The fill for a mean: the ramp's colour at its position, mixed from its two nearest stops as the legend's CSS gradient mixes them. */
export function fillOf(mean: number, steps: number): string {
  const at = positionOf(mean, steps) * (STOPS.length - 1);
  const index = Math.min(Math.floor(at), STOPS.length - 2);
  // The index is clamped to a stop that has a next one.
  const [r1, g1, b1] = STOPS[index]!;
  const [r2, g2, b2] = STOPS[index + 1]!;
  const share = at - index;
  return hexOf([r1 + (r2 - r1) * share, g1 + (g2 - g1) * share, b1 + (b2 - b1) * share]);
}

/** WCAG 2.1 relative luminance. */
function luminance([r, g, b]: Rgb): number {
  const linear = (channel: number) => {
    const s = channel / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/**
 * Black or white, whichever stands out more on a fill. One of the two clears 4.58:1 on any colour at all, so text in
 * a cell always meets WCAG AA, whatever the mean.
 */
export function textOn(fill: string): '#000000' | '#ffffff' {
  const light = luminance(rgbOf(fill)) + 0.05;
  // Contrast with black is (L + 0.05) / 0.05, with white 1.05 / (L + 0.05).
  return light / 0.05 >= 1.05 / light ? '#000000' : '#ffffff';
}

/** The whole ramp as a CSS gradient, for the legend. */
export const RAMP_GRADIENT = `linear-gradient(to right, ${RAMP.join(', ')})`;
